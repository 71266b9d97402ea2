"""Training API views: one person as the org API shows them, with their training.

The person's detail lives here rather than in the org app because it shows
training records, and org sits below training in the layers.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rollkoll.api.inputs import actor
from rollkoll.org.selectors import people_visible_to
from rollkoll.training.api.serializers import PersonDetailOut


class PersonDetailView(APIView):
    """A person the caller may see, with their completions and bookings; the
    personnummer masked unless the caller may see it."""

    @extend_schema(operation_id="v1_people_retrieve", responses={200: PersonDetailOut})
    def get(self, request: Request, employee_id: str) -> Response:
        person = get_object_or_404(people_visible_to(actor(request)), employee_id=employee_id)
        return Response(PersonDetailOut(person, context={"request": request}).data)
