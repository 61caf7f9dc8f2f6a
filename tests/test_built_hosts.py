"""A URL whose first host label is chosen at run time still names the domain its requests go to
(readers/builthosts.py): an analytics SDK's report subdomain, a storage bucket in front of its endpoint."""

from __future__ import annotations

from helpers import found, loaded_by_app, run

SDK = """var region = wx.getStorageSync('stat_region') || 'log';
function report(data) {
  wx.request({ url: "https://" + region + ".stat.example-analytics.cn/d.html", data: data, method: "POST" })
}
function config() {
  wx.request({ url: `https://${region}.stat.example-analytics.cn/config/app.json` })
}
module.exports = { report: report, config: config }
"""
NOT_HOSTS = """var name = 'logo', base = 'res';
module.exports = { icon: '/images/' + name + '.png', key: base + '.data.list', tip: 'see https://' + '.docs' }
"""


def test_a_report_host_built_around_a_run_time_subdomain_is_a_new_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("sdk/stat.js", SDK)
    app_repo.write_files(loaded_by_app("sdk/stat.js"))
    app_repo.commit("analytics SDK")
    assert {(r, p, n) for r, p, n, _s in found(run(app_repo.path, base)) if r.startswith("external_link.")} == {
        ("external_link.domain", "sdk/stat.js", 3)}


def test_dotted_suffixes_without_a_scheme_before_them_are_no_hosts(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/names.js", NOT_HOSTS)
    app_repo.write_files(loaded_by_app("utils/names.js"))
    app_repo.commit("names")
    assert not [r for r, _p, _n, _s in found(run(app_repo.path, base)) if r.startswith("external_link.")]


def test_the_same_domain_built_again_is_not_new(app_repo):
    app_repo.write("sdk/stat.js", SDK)
    app_repo.write_files(loaded_by_app("sdk/stat.js"))
    base = app_repo.commit("analytics SDK")
    app_repo.write("pages/me/me.js", "Page({ onShow() {\n  wx.request({ url: 'https://' + wx.getStorageSync('r')"
                                     " + '.stat.example-analytics.cn/e.html' })\n} })\n")
    app_repo.commit("one more report")
    assert not [r for r, _p, _n, _s in found(run(app_repo.path, base)) if r == "external_link.domain"]


STORAGE = """function upload(filePath) {
  const Bucket = "photos-1250000000"
  const Region = "ap-guangzhou"
  console.log("upload with", wx.uploadFile)
  const prefix = "https://" + Bucket + ".cos." + Region + ".example-storage.com/"
  wx.uploadFile({ url: prefix, filePath: filePath, name: "file" })
}
function preview(key) {
  const Bucket = "photos-1250000000", Region = "ap-guangzhou"
  return `https://${Bucket}.cos.${Region}.example-storage.com/${key}`
}
module.exports = { upload: upload, preview: preview }
"""
UNKNOWN_PARTS = """let bucket = "a-1"
bucket = wx.getStorageSync("bucket")
const Region = "ap-guangzhou"
function upload(filePath) {
  wx.uploadFile({ url: "https://" + bucket + ".cos." + Region + ".example-storage.com/", filePath: filePath, name: "f" })
}
module.exports = { upload: upload }
"""


def test_a_storage_host_put_together_from_the_files_constants_is_the_whole_new_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/storage.js", STORAGE)
    app_repo.write_files(loaded_by_app("utils/storage.js"))
    app_repo.commit("direct upload to the bucket")
    report = run(app_repo.path, base)
    assert {(f.rule, f.path, f.line, f.subject) for f in report.findings if f.rule.startswith("external_link.")} == {
        ("external_link.domain", "utils/storage.js", 5, "host:photos-1250000000.cos.ap-guangzhou.example-storage.com")}
    # the upload is the call that sends, not the debugging line that prints the function
    assert {(f.rule, f.line) for f in report.findings if f.rule.startswith("upload.")} == {("upload.upload_file", 6)}


def test_a_storage_host_with_a_part_reassigned_at_run_time_keeps_only_the_known_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/storage.js", UNKNOWN_PARTS)
    app_repo.write_files(loaded_by_app("utils/storage.js"))
    app_repo.commit("bucket from storage")
    assert not [f.subject for f in run(app_repo.path, base).findings
                if f.rule == "external_link.domain" and "a-1" in f.subject]


def test_a_subdomain_bound_to_a_literal_is_one_domain_not_two(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("sdk/stat.js", SDK.replace("wx.getStorageSync('stat_region') || 'log'", '"log"'))
    app_repo.write_files(loaded_by_app("sdk/stat.js"))
    app_repo.commit("analytics SDK with a fixed report subdomain")
    assert {(f.rule, f.line, f.subject) for f in run(app_repo.path, base).findings
            if f.rule.startswith("external_link.")} == {("external_link.domain", 3, "host:log.stat.example-analytics.cn")}


# A minified analytics SDK: the outer subdomain is one literal; every function declares its own ``a`` and assigns
# that one, and the report path after the host is a parameter.
MINIFIED = """(function(){var a="log";function u(){var a="";try{a=wx.getStorageSync("uuid")}catch(t){a="none"}return a}
function c(t){wx.request({url:"https://"+a+".stat.example-analytics.cn/config/app.json",data:{u:u()}})}
function r(t,n){wx.request({url:"https://"+a+".stat.example-analytics.cn/"+n,data:t,method:"POST"})}
var p=function(a){a=a||{};return a};module.exports={config:c,report:r,pick:p}})();
"""


def _domains(app_repo, source: str) -> set[tuple[int, str]]:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/stat.js", source)
    app_repo.write_files(loaded_by_app("utils/stat.js"))
    app_repo.commit("analytics SDK")
    return {(f.line, f.subject) for f in run(app_repo.path, base).findings if f.rule == "external_link.domain"}


def test_a_subdomain_each_function_only_shadows_is_the_outer_literal(app_repo):
    assert _domains(app_repo, MINIFIED) == {(2, "host:log.stat.example-analytics.cn")}


def test_a_subdomain_a_nested_function_reassigns_keeps_the_parent_domain(app_repo):
    changed = MINIFIED.replace('function u(){var a="";try{', 'function u(){try{')  # now u() sets the outer a
    assert _domains(app_repo, changed) == {(2, "host:stat.example-analytics.cn")}
