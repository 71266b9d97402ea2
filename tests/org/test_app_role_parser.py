"""`parse_app_role`: every text gives a role or a Swedish DomainError, never anything else."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from rollkoll.errors import DomainError
from rollkoll.org.models import AppRoleKind
from rollkoll.org.services import parse_app_role
from tests.factories import BusinessAreaFactory, OrganisationFactory

KINDS = st.sampled_from(AppRoleKind.values)
CODES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


class ParseAppRole(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(code="SAS")
        cls.area = BusinessAreaFactory(code="VO1", organisation=cls.organisation)

    @settings(max_examples=200, deadline=None)
    @example("coordinator:SA\x00S")  # PostgreSQL refuses NUL in a query parameter
    @given(st.one_of(st.text(max_size=30), st.builds("{}:{}".format, KINDS, CODES)))
    def test_any_text_is_a_role_or_a_domain_error(self, text):
        try:
            spec = parse_app_role(text)
        except DomainError as error:
            refusal = error.detail
        else:
            refusal = None
        if refusal is not None:
            assert refusal
            return
        assert spec.kind in AppRoleKind.values
        assert parse_app_role(spec.label) == spec

    @settings(deadline=None)
    @given(KINDS)
    def test_each_role_takes_its_scope_and_only_it(self, kind):
        scope = {"coordinator": "SAS", "ba-contact": "VO1"}.get(kind)
        if scope:
            assert parse_app_role(f"{kind}:{scope}").label == f"{kind}:{scope}"
            with pytest.raises(DomainError):
                parse_app_role(kind)
        else:
            assert parse_app_role(kind).label == kind
            with pytest.raises(DomainError):
                parse_app_role(f"{kind}:SAS")
