"""A UI kit's picker uploads by itself only where it can: uni-ui's <uni-file-picker> uploads to the project's
uniCloud service space, so in a project without one (no uniCloud*/ folder, no uniCloud call of its own; the
kit's vendored code calling it binds none) it only picks; and a kit picker with auto-upload switched off
(:auto-upload="false", auto-upload="{{false}}") leaves the upload to the page."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.thirdparty import PICK_SUBJECT, UPLOAD_SUBJECT
from mp_precheck.facts.extract import extract
from mp_precheck.readers.markup import element_facts

APP = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/account/account"}]}\n',
    "manifest.json": '{"name": "dorm", "mp-weixin": {"appid": "wx1"}}\n',
    "App.vue": "<script>\nexport default { onLaunch() {} }\n</script>\n",
    "pages/index/index.vue": "<template><view>首页</view></template>\n",
    "pages/account/account.vue": "<template><view>账户</view></template>\n",
    # the kit copied in: its own code uploads through uniCloud
    "uni_modules/uni-file-picker/components/uni-file-picker/uni-file-picker.vue":
        "<template><view><slot /></view></template>\n<script>\nexport default { methods: {\n"
        "  send(p) { return uniCloud.uploadFile({ filePath: p, cloudPath: 'x' }) } } }\n</script>\n",
}

PICKER = ('<template>\n  <view>\n    <uni-file-picker limit="1" file-mediatype="image" @select="picked"EXTRA>\n'
          '      <image :src="photo" />\n    </uni-file-picker>\n  </view>\n</template>\n'
          "<script>\nexport default {\n  data() { return { photo: '' } },\n"
          "  methods: { picked(e) { this.photo = e.tempFilePaths[0] } }\n}\n</script>\n")


def _findings(repo, files, extra=""):
    repo.write_files({**APP, **files})
    base = repo.commit()
    repo.write("pages/account/account.vue", PICKER.replace("EXTRA", extra))
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings
            if f.family in ("upload", "privacy") and f.rule != "privacy.no_consent_flow"}


def test_a_file_picker_in_a_project_without_a_service_space_only_picks(repo):
    assert _findings(repo, {}) == {("privacy.album", "pages/account/account.vue", 3)}


def test_a_file_picker_in_a_project_with_cloud_functions_uploads(repo):
    found = _findings(repo, {"uniCloud-aliyun/cloudfunctions/login/index.js": "exports.main = async () => ({})\n"})
    assert ("upload.third_party_upload", "pages/account/account.vue", 3) in found


def test_a_file_picker_in_a_project_calling_unicloud_uploads(repo):
    found = _findings(repo, {"pages/index/index.vue": "<template><view>首页</view></template>\n<script>\n"
                                                      "export default { onLoad() { uniCloud.callFunction({ name: "
                                                      "'list' }) } }\n</script>\n"})
    assert ("upload.third_party_upload", "pages/account/account.vue", 3) in found


def test_a_file_picker_with_auto_upload_off_only_picks(repo):
    found = _findings(repo, {"uniCloud-tcb/cloudfunctions/login/index.js": "exports.main = async () => ({})\n"},
                      extra=' :auto-upload="false"')
    assert found == {("privacy.album", "pages/account/account.vue", 3)}


def test_auto_upload_switched_off_leaves_only_the_pick():
    facts = element_facts("nut-uploader", [("auto-upload", "{{false}}", 1)], 1)
    assert {f.subject for f in facts} & {PICK_SUBJECT, UPLOAD_SUBJECT} == {PICK_SUBJECT}
    facts = element_facts("nut-uploader", [("auto-upload", None, 1)], 1)  # bound to a variable: may upload
    assert {f.subject for f in facts} >= {PICK_SUBJECT, UPLOAD_SUBJECT}


def test_a_vue_boolean_bound_literal_reads_as_its_wxml_spelling():
    text = '<template>\n  <uni-file-picker :autoUpload="false" />\n  <nut-uploader :auto-upload="true" />\n</template>\n'
    found = extract("pages/a/a.vue", text.encode()).facts
    assert sorted((f.subject, f.line) for f in found if f.subject in (PICK_SUBJECT, UPLOAD_SUBJECT)) == \
        [(PICK_SUBJECT, 2), (PICK_SUBJECT, 3), (UPLOAD_SUBJECT, 3)]
