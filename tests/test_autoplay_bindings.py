"""``autoplay`` plays by itself only when the template switches it on: the bare attribute, a literal true, or an
expression that is a constant true. A binding to data passes on what the page decides (WXML, Vue and JSX)."""

from __future__ import annotations

import pytest

from helpers import places, run
from test_frameworks import TARO_BASE, UNI_BASE


def _autoplay(report) -> set[tuple[str, int]]:
    return {(path, line) for rule, path, line in places(report) if rule == "policy.autoplay_media"}


def test_a_wxml_autoplay_bound_to_data_is_not_switched_on(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<video src="{{clip.url}}" autoplay="{{ clip.playNow }}"/>\n'
                                       '<audio src="{{song}}" autoplay="{{false}}"></audio>\n</view>\n')
    app_repo.commit()
    assert _autoplay(run(app_repo.path, base)) == set()


@pytest.mark.parametrize("written", ["autoplay", 'autoplay="true"', 'autoplay="{{ true }}"'])
def test_a_wxml_autoplay_written_bare_literal_or_constant_plays_by_itself(app_repo, written):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", f'<view>\n<video src="{{{{a}}}}" {written}/>\n</view>\n')
    app_repo.commit()
    assert _autoplay(run(app_repo.path, base)) == {("pages/me/me.wxml", 2)}


def test_a_vue_autoplay_prop_passed_through_is_not_switched_on(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages/me/me.vue", '<template>\n<view>\n<video :src="clip.url" :autoplay="clip.playNow"/>\n'
                                      '<video :src="other" v-bind:autoplay="true"/>\n</view>\n</template>\n')
    repo.commit()
    assert _autoplay(run(repo.path, base)) == {("src/pages/me/me.vue", 4)}


def test_a_jsx_autoplay_bound_to_props_is_not_switched_on_but_a_constant_is(repo):
    repo.write_files(TARO_BASE)
    base = repo.commit()
    repo.write("src/pages/me/index.tsx", "import { Video } from '@tarojs/components'\n"
                                         "export default ({ clip }) => <>\n  <Video src={clip.url} autoplay={clip.now} />\n"
                                         "  <Video src={clip.url} autoplay={false} />\n"
                                         "  <Video src={clip.url} autoplay={true} />\n</>\n")
    repo.commit()
    assert _autoplay(run(repo.path, base)) == {("src/pages/me/index.tsx", 5)}
