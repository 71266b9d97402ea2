"""The admin's list columns of Rollkoll's own models are named in Swedish."""

import pytest
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.utils import translation

SAME_IN_SWEDISH = {"person", "organisation", "status", "version"}
OWN = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if model.__module__.startswith("rollkoll.")
]


@pytest.mark.parametrize(
    ("model", "model_admin"), OWN, ids=[model._meta.label_lower for model, _ in OWN]
)
def test_every_column_has_a_named_label(model, model_admin):
    """A field without a verbose name shows its English field name (`business area`)."""
    with translation.override("sv"):
        unnamed = [
            name
            for name in model_admin.list_display
            if str(label_for_field(name, model, model_admin)).lower()
            in {name.replace("_", " "), name}
            and name not in SAME_IN_SWEDISH
        ]
    assert unnamed == []
