"""A wrapper imported through a barrel module (``api/index.ts`` with ``export * from './pay'``) is followed to
the file that defines it: the page's call counts the wrapped API, whatever the wrapper is called."""

from __future__ import annotations

from helpers import found, run
from mp_precheck.readers.reexports import reexports
from mp_precheck.readers.syntax import parser_for
from test_frameworks import TARO_BASE

PAY_SERVICE = """import * as Taro from '@tarojs/taro'
interface PayParams { nonceStr: string, paySign: string }
export const ShopPay = (params: PayParams) => {
  return new Promise((resolve, reject) => {
    Taro.requestPayment({ ...params, success: resolve, fail: reject })
  })
}
export const shopToast = (title: string) => Taro.showToast({ title })
"""
ORDER_PAGE = """import * as Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { shopToast, ShopPay } from '@/service/api'
export default function Order() {
  const submit = () => {
    ShopPay({ nonceStr: 'n', paySign: 's' }).then(() => shopToast('ok'))
  }
  return <View onClick={submit}>pay</View>
}
"""


def _taro_with(files: dict[str, str]) -> dict[str, str]:
    return {**TARO_BASE, "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/index/index', "
                                              "'pages/order/index'],\n})\n", **files}


def test_reexports_are_read_as_written():
    source = (b"export * from './a'\nexport * as ns from './n'\nexport { x, y as z } from '../b'\n"
              b"export { default as Up } from './up.vue'\nexport const q = 1\n")
    assert reexports(parser_for("index.ts").parse(source).root_node) == (
        ("./a", "*", "*"), ("../b", "x", "x"), ("../b", "y", "z"), ("./up.vue", "default", "Up"))


def test_a_payment_wrapper_behind_an_export_star_barrel_is_reported_at_the_page(repo):
    repo.write_files(_taro_with({"src/service/api/index.ts": "export * from './user-api'\n",
                                 "src/service/api/user-api.ts": "export const getUser = () => 1\n"}))
    base = repo.commit()
    repo.write_files({"src/service/api/index.ts": "export * from './user-api'\nexport * from './pay-api'\n",
                      "src/service/api/pay-api.ts": PAY_SERVICE, "src/pages/order/index.tsx": ORDER_PAGE})
    repo.commit()
    payments = {f for f in found(run(repo.path, base)) if f[0].startswith("payment.")}
    assert payments == {("payment.request_payment", "src/service/api/pay-api.ts", 5, "app"),
                        ("payment.request_payment", "src/pages/order/index.tsx", 6, "app")}


def test_a_renamed_reexport_through_two_barrels_is_followed(repo):
    repo.write_files(_taro_with({"src/service/index.ts": "export { pay as startPay } from './api'\n",
                                 "src/service/api/index.ts": "export { ShopPay as pay } from './pay-api'\n",
                                 "src/service/api/pay-api.ts": PAY_SERVICE}))
    base = repo.commit()
    repo.write("src/pages/order/index.tsx", ORDER_PAGE.replace("import { shopToast, ShopPay } from '@/service/api'",
                                                               "import { startPay as ShopPay } from '@/service'")
               .replace("shopToast('ok')", "0"))
    repo.commit()
    assert found(run(repo.path, base)) >= {("payment.request_payment", "src/pages/order/index.tsx", 6, "file")}


def test_a_barrel_that_does_not_pass_the_name_on_reaches_no_wrapper(repo):
    repo.write_files(_taro_with({"src/service/api/index.ts": "export { shopToast } from './pay-api'\n"
                                                             "export * as pay from './pay-api'\n",
                                 "src/service/api/pay-api.ts": PAY_SERVICE}))
    base = repo.commit()
    repo.write("src/pages/order/index.tsx", ORDER_PAGE)
    repo.commit()
    assert not any(path.endswith("order/index.tsx") and rule.startswith("payment.")
                   for rule, path, *_ in found(run(repo.path, base)))


PAY_OBJECT = PAY_SERVICE + "export const payApi = {\n  start: (params: PayParams) => ShopPay(params),\n}\n"


def test_a_member_of_an_object_passed_on_by_name_is_followed(repo):
    # import { payApi } from a barrel that says export { payApi } from './pay-api'; the page calls payApi.start()
    repo.write_files(_taro_with({"src/service/api/index.ts": "export { payApi } from './pay-api'\n",
                                 "src/service/api/pay-api.ts": PAY_OBJECT}))
    base = repo.commit()
    repo.write("src/pages/order/index.tsx", ORDER_PAGE.replace("import { shopToast, ShopPay }", "import { payApi }")
               .replace("ShopPay({ nonceStr: 'n', paySign: 's' }).then(() => shopToast('ok'))",
                        "payApi.start({ nonceStr: 'n', paySign: 's' })"))
    repo.commit()
    assert found(run(repo.path, base)) >= {("payment.request_payment", "src/pages/order/index.tsx", 6, "file")}


def test_a_member_of_another_object_the_barrel_passes_on_is_no_wrapper(repo):
    repo.write_files(_taro_with({"src/service/api/index.ts": "export { toastApi } from './pay-api'\n",
                                 "src/service/api/pay-api.ts": PAY_OBJECT + "export const toastApi = { start: shopToast }\n"}))
    base = repo.commit()
    repo.write("src/pages/order/index.tsx", ORDER_PAGE.replace("import { shopToast, ShopPay }", "import { toastApi }")
               .replace("ShopPay({ nonceStr: 'n', paySign: 's' }).then(() => shopToast('ok'))", "toastApi.start('ok')"))
    repo.commit()
    assert not any(path.endswith("order/index.tsx") and rule.startswith("payment.")
                   for rule, path, *_ in found(run(repo.path, base)))
