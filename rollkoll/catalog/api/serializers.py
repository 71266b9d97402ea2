"""Output serializers of the catalog API: courses and roles with their rules."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rollkoll.catalog.models import Course, Role, RoleCourseRequirement, UpgradePath
from rollkoll.org.models import Organisation


class CourseOut(serializers.ModelSerializer):
    class Meta:
        model = Course
        fields = ["code", "name", "kind", "duration", "description", "material_url", "booking_url"]


class CourseBriefOut(serializers.ModelSerializer):
    class Meta:
        model = Course
        fields = ["code", "name", "booking_url"]


class RequirementOut(serializers.ModelSerializer):
    """A required e-learning; `organisation` empty is the default, else that organisation's."""

    course = CourseBriefOut()
    organisation: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = RoleCourseRequirement
        fields = ["course", "organisation", "valid_from", "valid_to"]


class UpgradeOut(serializers.ModelSerializer):
    from_role: serializers.SlugRelatedField[Role] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    to_role: serializers.SlugRelatedField[Role] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    course = CourseBriefOut()

    class Meta:
        model = UpgradePath
        fields = ["from_role", "to_role", "course"]


class RoleOut(serializers.ModelSerializer):
    classroom_course = CourseBriefOut(allow_null=True)
    required_courses = RequirementOut(source="course_requirements", many=True)
    interim_role: serializers.SlugRelatedField[Role] = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    requires_on_unit: serializers.SlugRelatedField[Role] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    recommended_courses = CourseBriefOut(many=True)
    upgrades = serializers.SerializerMethodField()

    class Meta:
        model = Role
        fields = [
            "code",
            "name",
            "audience",
            "content",
            "notes",
            "required_courses",
            "classroom_course",
            "exclusive",
            "interim_role",
            "requires_on_unit",
            "upgrades",
            "recommended_courses",
        ]

    @extend_schema_field(UpgradeOut(many=True))
    def get_upgrades(self, role: Role) -> list[dict]:
        """Upgrade paths from this role and to it."""
        paths = [*role.upgrades.all(), *role.upgraded_from.all()]
        return UpgradeOut(paths, many=True).data  # type: ignore[return-value]
