"""Where uni-app's easycom gives a component file a tag (readers/easycom.py)."""

from __future__ import annotations

import pytest

from mp_precheck.readers.easycom import custom_targets, tag_registers


def test_custom_rules_are_read_in_both_spellings_with_comments():
    nested = '{\n  // rules\n  "easycom": { "autoscan": true, "custom": { "^ab-(.*)": "@/kit/ab-$1.vue" } },\n}\n'
    flat = '{ "easycom": { "^cd-(.*)": "lib/cd-$1/cd-$1.vue" }, "pages": [] }'
    assert custom_targets(nested) == ("kit/ab-$1.vue",)
    assert custom_targets(flat) == ("lib/cd-$1/cd-$1.vue",)


@pytest.mark.parametrize("text", [None, "", "{ not json", '{"easycom": true}', '["pages"]'])
def test_a_file_without_readable_rules_has_none(text):
    assert custom_targets(text) == ()


@pytest.mark.parametrize(("path", "registered"), [
    ("components/ab-card/ab-card.vue", True),                  # the default place
    ("components/ab-card/index.vue", True),
    ("uni_modules/ab/components/ab-card/ab-card.vue", True),   # a plugin's
    ("kit/ab-card.vue", True),                                 # a custom rule's target
    ("components/ab-card/ab-card-remote.vue", False),          # a variant the folder does not name
    ("components/ab-card.vue", False),
    ("kit/sub/ab-card.vue", False),
])
def test_a_file_is_registered_by_tag_only_at_an_easycom_place(path, registered):
    assert tag_registers(path, ("kit/ab-$1.vue",)) is registered
