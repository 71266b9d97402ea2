"""Input and output serializers of the org API: people, units and delegations."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from rollkoll.org import personnummer
from rollkoll.org.models import Person
from rollkoll.org.selectors import may_see_personnummer


class PersonOut(serializers.Serializer):
    employee_id = serializers.CharField()
    personnummer = serializers.SerializerMethodField(
        help_text=_("Maskerat (ÅÅÅÅMMDD-****) om du inte får se hela.")
    )
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.EmailField()
    unit = serializers.CharField(source="unit.code")
    title = serializers.CharField()
    manager_kind = serializers.CharField()
    employed_from = serializers.DateField(allow_null=True)
    employed_to = serializers.DateField(allow_null=True)

    def get_personnummer(self, person: Person) -> str:
        if may_see_personnummer(self.context["request"].user, person):
            return person.personnummer
        return personnummer.mask(person.personnummer)


class PersonRef(serializers.Serializer):
    employee_id = serializers.CharField()
    name = serializers.CharField(source="full_name")


class ManagerLinkOut(serializers.Serializer):
    manager = PersonRef()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)


class UnitOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    business_area = serializers.CharField(source="business_area.code")
    organisation = serializers.CharField(source="business_area.organisation.code")
    parent_unit = serializers.CharField(source="parent.code", allow_null=True, default=None)


class DelegationIn(serializers.Serializer):
    deputy = serializers.RegexField(
        r"^[\w-]+$", max_length=20, help_text=_("Ersättarens anställningsnummer.")
    )
    valid_from = serializers.DateField()
    valid_to = serializers.DateField()


class DelegationOut(serializers.Serializer):
    id = serializers.IntegerField()
    person = PersonRef()
    deputy = PersonRef()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)
