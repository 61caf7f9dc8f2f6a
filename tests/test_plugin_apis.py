"""Plugin objects that use a privacy capability (checks/plugin_apis.yml): the 微信同声传译 plugin's recognition
manager records from the microphone, so its ``start`` is the 麦克风 type at the call, however the app names the
plugin; its other methods, and a same-named method of an object no plugin handed back, are not."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.thirdparty import SDK_RECORD_SUBJECT, third_party
from mp_precheck.readers.jsfacts import js_facts

VOICE_PAGE = ("Page({\n  onLoad() {\n    const plugin = requirePlugin('VoiceInput')\n"
              "    this.manager = plugin.getRecordRecognitionManager()\n"
              "    this.manager.onStop = (res) => this.setData({ text: res.result })\n  },\n"
              "  talk() {\n    this.manager.start({ lang: 'zh_CN' })\n  },\n"
              "  done() {\n    this.manager.stop()\n  }\n})\n")


def _record(report):
    return {(f.path, f.line) for f in report.findings if f.rule == "privacy.record"}


def test_a_plugin_recorder_started_on_a_page_uses_the_microphone(app_repo):
    base = app_repo.commit("nothing recorded yet")
    app_repo.write("pages/index/index.js", VOICE_PAGE)
    app_repo.commit("voice input")
    assert _record(run(app_repo.path, base)) == {("pages/index/index.js", 8)}


def test_every_spelling_of_the_plugin_object_is_followed():
    module = ("var si = requirePlugin('WechatSI')\nlet manager = si.getRecordRecognitionManager()\n"
              "const direct = requirePlugin('x').getRecordRecognitionManager()\n"
              "Page({ data: { rec: requirePlugin('y').getRecordRecognitionManager() },\n"
              "  a() { manager.start() }, b() { direct.start({ duration: 30000 }) }, c() { this.data.rec.start() },\n"
              "  d() { manager.stop(); requirePlugin('z').getRecordRecognitionManager().start() } })\n")
    facts = [(f.line, f.value) for f in js_facts(module, "pages/a/a.js").facts if f.subject == SDK_RECORD_SUBJECT]
    assert facts == [(5, "manager.start (微信同声传译 (WechatSI))"), (5, "direct.start (微信同声传译 (WechatSI))"),
                     (5, "this.data.rec.start (微信同声传译 (WechatSI))"),
                     (6, "requirePlugin('z').getRecordRecognitionManager().start (微信同声传译 (WechatSI))")]


def test_look_alikes_record_nothing():
    """A start on an object of the project's own factory, a plugin's other objects, a translation call."""
    module = ("const helper = require('../../utils/voice')\nconst si = requirePlugin('WechatSI')\n"
              "const own = helper.getRecordRecognitionManager()\nconst tts = si.textToSpeech({ content: 'hi' })\n"
              "Page({ a() { own.start(); tts.start(); si.translate({ content: 'x' }); si.start() } })\n")
    assert [f for f in js_facts(module, "pages/a/a.js").facts if f.subject == SDK_RECORD_SUBJECT] == []


def test_a_plugin_recorder_the_app_already_started_elsewhere_is_a_new_call_site_only_on_a_new_page(app_repo):
    app_repo.write("pages/index/index.js", VOICE_PAGE)
    base = app_repo.commit("voice input on the index page")
    app_repo.write("pages/index/index.js", VOICE_PAGE.replace("lang: 'zh_CN'", "lang: 'en_US'"))
    app_repo.commit("English")
    assert _record(run(app_repo.path, base)) == set()


def test_the_table_names_its_subject_and_needle():
    assert third_party().plugin_factory("getRecordRecognitionManager").subject == SDK_RECORD_SUBJECT
    assert third_party().needles(SDK_RECORD_SUBJECT) == ("getRecordRecognitionManager",)
    assert third_party().plugin_factory("getRecorderManager") is None


VOICE_MODULE = ("const si = requirePlugin('VoiceInput')\nconst recognizer = si.getRecordRecognitionManager()\n"
                "export default recognizer\n")
RECORDER_MODULE = "const recorder = wx.getRecorderManager()\nmodule.exports = recorder\n"
TALK_PAGE = ("import recognizer from '../../utils/voice'\nPage({\n  talk() {\n    recognizer.start({ lang: 'zh_CN' })\n"
             "  },\n  done() {\n    recognizer.stop()\n  }\n})\n")


def test_a_recorder_one_module_makes_and_exports_is_used_where_a_page_starts_it(app_repo):
    app_repo.write("utils/voice.js", VOICE_MODULE)
    base = app_repo.commit("set up once, used by nothing yet")
    app_repo.write("pages/index/index.js", TALK_PAGE)
    app_repo.commit("voice input")
    assert _record(run(app_repo.path, base)) == {("pages/index/index.js", 4)}


def test_a_wx_recorder_exported_whole_is_started_by_its_importer(app_repo):
    app_repo.write("utils/voice.js", RECORDER_MODULE)
    base = app_repo.commit("recorder module")
    app_repo.write("pages/index/index.js", TALK_PAGE.replace("import recognizer from '../../utils/voice'",
                                                             "const recognizer = require('../../utils/voice')"))
    app_repo.commit("record")
    assert _record(run(app_repo.path, base)) == {("pages/index/index.js", 4)}


def test_an_exported_recorder_only_stopped_records_nothing(app_repo):
    app_repo.write("utils/voice.js", VOICE_MODULE)
    base = app_repo.commit("recorder module")
    app_repo.write("pages/index/index.js", TALK_PAGE.replace("recognizer.start({ lang: 'zh_CN' })", "console.log(1)"))
    app_repo.commit("stop only")
    assert _record(run(app_repo.path, base)) == set()
