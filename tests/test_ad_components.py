"""A page's new third-party ad slot: an ad-named project component that opens other Mini Programs
(analyzers/ad_components.py)."""

from __future__ import annotations

from analyzer_context import project_context
from mp_precheck.analyzers import ad_components
from mp_precheck.analyzers.ad_components import names_ad

APP = '{"pages": ["pages/index/index"]}\n'
PAGE_JS = "Page({})\n"
# A promotion vendor's banner: a card that opens the advertised Mini Program.
BANNER_WXML = ('<view class="card" bindtap="tap">\n  <image src="{{ad.pic}}"></image>\n'
               '  <navigator target="miniProgram" app-id="{{ad.appid}}" path="{{ad.path}}"></navigator>\n</view>\n')
BANNER_JS = "Component({ properties: { ad: Object } })\n"
# The app's own promotional swiper: images that open the app's own pages.
SWIPER_WXML = '<swiper><swiper-item wx:for="{{list}}"><image src="{{item.pic}}"></image></swiper-item></swiper>\n'


def _component(folder: str, wxml: str) -> dict[str, str]:
    return {f"{folder}.wxml": wxml, f"{folder}.js": BANNER_JS, f"{folder}.json": '{"component": true}\n'}


def _page(tag: str, target: str, body: str) -> dict[str, str]:
    return {"app.json": APP, "pages/index/index.js": PAGE_JS,
            "pages/index/index.json": f'{{"usingComponents": {{"{tag}": "{target}"}}}}\n',
            "pages/index/index.wxml": body}


def _found(context) -> set[tuple[str, str, int, str]]:
    return {(f.rule, f.path, f.line, f.severity) for f in ad_components.analyze(context, [])}


def test_a_page_that_places_a_vendors_ad_banner_is_told_at_the_placement():
    files = {**_page("promo-ad", "/components/promoAD/promoAD", '<view>home</view>\n<promo-ad ad="{{a}}"/>\n'),
             **_component("components/promoAD/promoAD", BANNER_WXML)}
    assert _found(project_context(files)) == {
        ("category.third_party_ad", "pages/index/index.wxml", 2, "medium")}
    # a tag that says nothing, registered from a folder named as an ad
    files = {**_page("box", "/components/ad-banner/index", "<box/>\n"),
             **_component("components/ad-banner/index", BANNER_WXML)}
    assert _found(project_context(files)) == {("category.third_party_ad", "pages/index/index.wxml", 1, "medium")}


def test_an_existing_banner_placed_on_another_page_is_a_low_new_place_and_a_moved_one_nothing():
    component = _component("components/promoAD/promoAD", BANNER_WXML)
    page = _page("promo-ad", "/components/promoAD/promoAD", "<view>home</view>\n<promo-ad/>\n")
    base = {**page, **component}
    moved = {**page, "pages/index/index.wxml": "<promo-ad/>\n<view>home</view>\n"}
    assert _found(project_context({**base, **moved}, changed=list(moved), base=base)) == set()
    twice = {**page, "pages/index/index.wxml": "<view>home</view>\n<promo-ad/>\n<promo-ad/>\n"}
    assert _found(project_context({**base, **twice}, changed=list(twice), base=base)) == {
        ("category.third_party_ad", "pages/index/index.wxml", 3, "low")}


def test_ad_named_components_that_open_no_other_mini_program_and_words_that_only_hold_ad_stay_silent():
    files = {**_page("home-ad", "/components/home-ad/index", "<home-ad/>\n"),
             **_component("components/home-ad/index", SWIPER_WXML)}
    assert _found(project_context(files)) == set()
    for tag in ("add-btn", "address-card", "page-header", "load-more", "road-map"):
        files = {**_page(tag, f"/components/{tag}/index", f"<{tag}/>\n"),
                 **_component(f"components/{tag}/index", BANNER_WXML)}
        assert _found(project_context(files)) == set(), tag


def test_what_names_an_ad():
    assert all(names_ad(n) for n in ("xyz-ad", "xyzAD", "adBanner", "ad-banner", "ads", "kw-adver", "Advert",
                                     "advertisement", "广告位"))
    assert not any(names_ad(n) for n in ("add-btn", "address", "header", "load", "road", "upload", "badge",
                                         "shadow", "Adapter", "admin"))


def test_a_uni_app_page_placing_an_easycom_ad_component_is_told():
    page = '<template>\n  <view>\n    <promo-ad :ad="ad"></promo-ad>\n  </view>\n</template>\n'
    banner = ('<template>\n  <view @tap="go"><image :src="ad.pic" /></view>\n</template>\n<script>\n'
              'export default { methods: { go() { uni.navigateToMiniProgram({ appId: this.ad.appid }) } } }\n'
              '</script>\n')
    files = {"pages.json": '{"pages": [{"path": "pages/index/index"}]}\n', "manifest.json": '{"mp-weixin": {}}\n',
             "App.vue": "<script>export default {}</script>\n", "pages/index/index.vue": page,
             "components/promo-ad/promo-ad.vue": banner}
    assert _found(project_context(files)) == {("category.third_party_ad", "pages/index/index.vue", 3, "medium")}
    own = banner.replace("uni.navigateToMiniProgram({ appId: this.ad.appid })", "uni.navigateTo({ url: this.ad.path })")
    assert _found(project_context({**files, "components/promo-ad/promo-ad.vue": own})) == set()
