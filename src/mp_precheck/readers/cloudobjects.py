"""uniCloud's cloud objects: ``const todo = uniCloud.importObject('todo')`` hands back an object each of whose
method calls (``todo.add({ title, content })``) runs that cloud object on the project's service space with the
arguments as its data — a cloud function call, told as ``wx.cloud.callFunction`` as ``uniCloud.callFunction`` is
(https://doc.dcloud.net.cn/uniCloud/cloud-obj.html; WeChat's cloud call:
https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html).

In: the factory type a name holds (readers/jsbindings.py, :data:`~mp_precheck.core.subject.FACTORIES`) and the
method called on it. Out: the call's fact. The method's name is what the call does (``getList`` reads,
``submitPost`` writes), as a wrapper's name is: :func:`called_method`.
"""

from __future__ import annotations

from mp_precheck.core.subject import CLOUD_OBJECT, FACTORY_OF
from mp_precheck.facts.model import Fact

CLOUD_CALL = "wx.cloud.callFunction"


def method_fact(owner: str, method: str, line: int, held: str) -> Fact:
    """The fact of ``held.method(…)`` on ``line`` where ``held`` holds an object of the factory type ``owner``: a
    cloud call for a cloud object, its value ``<object>.<method>`` as the script spells it (no role: a function
    wrapping the call offers it to its callers as it does any API's), else the factory type's method."""
    if owner == CLOUD_OBJECT:
        return Fact(CLOUD_CALL, "api", line, f"{held}.{method}")
    return Fact(f"{owner}.{method}", "api", line, FACTORY_OF[owner])


def called_method(fact: Fact) -> str:
    """The method a cloud object's call runs (``getList`` of ``wallObj.getList``), "" for any other fact."""
    held = fact.subject == CLOUD_CALL and fact.role is None and "." in (fact.value or "")
    return (fact.value or "").rsplit(".", 1)[-1] if held else ""
