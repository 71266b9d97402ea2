"""Output serializers of the training API: a person with their training."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from rollkoll.org.api.serializers import PersonOut
from rollkoll.org.models import Person
from rollkoll.training.models import TrainingStatus
from rollkoll.training.selectors import training_of


class CourseRef(serializers.Serializer):
    code = serializers.CharField(source="course_code")
    name = serializers.CharField(source="course_name")


class TrainingOut(serializers.Serializer):
    course = CourseRef(source="*")
    status = serializers.ChoiceField(choices=TrainingStatus.choices)
    date = serializers.DateField()


class PersonDetailOut(PersonOut):
    """One person, with the courses they have completed or booked."""

    training = serializers.SerializerMethodField()

    @extend_schema_field(TrainingOut(many=True))
    def get_training(self, person: Person) -> Any:
        return TrainingOut(training_of(person), many=True).data
