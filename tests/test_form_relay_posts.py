"""A Taro form component that gives its ``<Form>`` the submit callback its parent passed in hands the parent every
named field of the form, its text area's too (readers/formrelay.py): where the parent's handler posts the submit
event it receives to a scene others read, the text area is published there (analyzers/relayed_posts.py)."""

from __future__ import annotations

from helpers import places, run

APP = {
    "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0", "react": "18.0.0"}}\n',
    "src/app.config.ts": "export default { pages: ['pages/index/index', 'pages/publish/index'] }\n",
    "src/app.ts": "export default function App({ children }) { return children }\n",
    "src/pages/index/index.tsx": "import { View } from '@tarojs/components'\n"
                                 "export default function Index() { return <View>home</View> }\n",
    "src/api/request.ts": "import Taro from '@tarojs/taro'\n"
                          "export function post(url: string, data: any) {\n"
                          "  return Taro.request({ url: 'https://api.example.com' + url, data, method: 'POST' })\n"
                          "}\n",
    "src/api/notice.ts": "import { post } from './request'\n"
                         "export function createNotice(data: any) { return post('/notices', data) }\n"
                         "export function submitFeedback(data: any) { return post('/feedback', data) }\n",
}
FORM = """import { Form, Input, Textarea, Button } from '@tarojs/components'

export default function NoticeForm(props) {
  const { onSubmit } = props
  return (
    <Form onSubmit={onSubmit}>
      <Input name="title" placeholder="标题" />
      <Textarea name="detail" placeholder="详情" />
      <Button formType="submit">提交</Button>
    </Form>
  )
}
"""
PARENT = """import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { createNotice, submitFeedback } from '../../../api/notice'
import NoticeForm from '../notice-form'

const ItemForm = () => {
  const onSubmit = useCallback(async (event) => {
    const value = event.detail.value
    await createNotice(value)
    Taro.showToast({ title: '已提交' })
  }, [])
  return (
    <View>
      <NoticeForm onSubmit={(event) => onSubmit(event)} />
    </View>
  )
}

export default ItemForm
"""
PAGE = """import { View } from '@tarojs/components'
import ItemForm from '../../components/FOLDER/item/index'
export default function Publish() { return <View><ItemForm /></View> }
"""


def _posted(app_repo, parent: str = PARENT, form: str = FORM, folder: str = "publish") -> set[tuple[str, str, int]]:
    for name in ("app.json", "app.js", "pages/index/index.js", "pages/index/index.wxml", "pages/me/me.js",
                 "pages/me/me.wxml"):
        app_repo.remove(name)
    app_repo.write_files(APP)
    base = app_repo.commit("taro app")
    app_repo.write_files({f"src/components/{folder}/notice-form.tsx": form,
                          f"src/components/{folder}/item/index.tsx": parent,
                          "src/pages/publish/index.tsx": PAGE.replace("FOLDER", folder)})
    app_repo.commit()
    report = run(app_repo.path, base)
    return places(report, "upload") | places(report, "category")


def test_a_form_handed_to_the_parents_handler_that_posts_it_publishes_its_text_area(app_repo):
    assert _posted(app_repo) == {("upload.user_text", "src/components/publish/item/index.tsx", 10),
                                 ("category.ugc", "src/components/publish/item/index.tsx", 10)}


def test_a_handler_that_only_shows_the_forms_values_publishes_nothing(app_repo):
    shown = PARENT.replace("    await createNotice(value)\n", "    Taro.showToast({ title: JSON.stringify(value) })\n")
    assert _posted(app_repo, parent=shown) == set()


def test_a_form_sent_to_the_operator_is_no_post(app_repo):
    addressed = PARENT.replace("createNotice(value)", "submitFeedback(value)")
    assert _posted(app_repo, parent=addressed, folder="feedback") == set()


def test_a_form_whose_submit_is_the_components_own_hands_nothing_up(app_repo):
    own = FORM.replace("<Form onSubmit={onSubmit}>", "<Form onSubmit={(e) => console.log(e)}>")
    assert _posted(app_repo, form=own) == set()


def test_the_form_the_parents_callback_is_given_to_and_the_handler_it_forwards_to():
    from mp_precheck.readers.formrelay import form_relays  # a module of its own: the e2e tests above run without it
    from mp_precheck.readers.relay import handler_params, tag_events

    assert form_relays(FORM, "c.tsx") == [("onSubmit", range(6, 11))]
    assert form_relays(FORM.replace("const { onSubmit } = props\n", "").replace("{onSubmit}", "{props.onSubmit}"),
                       "c.tsx") == [("onSubmit", range(5, 10))]
    assert form_relays(FORM.replace("<Form", "<View").replace("</Form>", "</View>"), "c.tsx") == []
    assert tag_events(PARENT, 15) == {"onSubmit": "onSubmit"}
    assert tag_events("<Bar onSubmit={() => save()} />\n", 1) == {}  # the event is not handed on
    assert handler_params(PARENT, "p.tsx", "onSubmit", whole=True) == (range(8, 13), frozenset({"event"}))
    assert handler_params(PARENT, "p.tsx", "onSubmit") == (range(8, 13), frozenset())
