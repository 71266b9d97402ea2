"""Requests API views: each parses its input, calls one service or selector, renders.

Reads go through `visible_to(user)`: a request or person outside the caller's
scope is 404. An act on a request looks the request up among all requests, so
that the service answers 403 when the caller could never take the act and 409
when the request has moved on, as the contract says; the id alone is all a
caller without scope learns.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rollkoll.api.inputs import actor, parse
from rollkoll.api.serializers import ErrorOut
from rollkoll.org.models import Person, User
from rollkoll.requests import eligibility, services
from rollkoll.requests.api import serializers as s
from rollkoll.requests.models import AccessRequest, AccessRequestQuerySet

# 400, 403 and 404 are documented for every operation by `rollkoll.api.schema`.
MOVED_ON = {409: OpenApiResponse(ErrorOut, description="Blanketten har gått vidare")}


class EligibilityView(APIView):
    """May the person get the role on the units? The verdict, reasons and suggestions."""

    @extend_schema(parameters=[s.EligibilityQuery], responses={200: s.EligibilityOut})
    def get(self, request: Request) -> Response:
        query = parse(s.EligibilityQuery, request, request.query_params)
        person = get_object_or_404(
            Person.objects.visible_to(actor(request)), employee_id=query["employee_id"]
        )
        decision = eligibility.check(
            person=person,
            role=query["role"].code,
            units=query["units"],
            on=query.get("on"),
            counted=eligibility.counted_requests(drafts_of=actor(request)),
        )
        return Response(eligibility.decision_json(decision))


def visible_requests(request: Request) -> AccessRequestQuerySet:
    return (
        AccessRequest.objects.visible_to(actor(request))
        .select_related("person", "role")
        .prefetch_related("units")
    )


def detail(form: AccessRequest, *, status_code: int = status.HTTP_200_OK) -> Response:
    return Response(s.RequestDetailOut(form).data, status=status_code)


class RequestListView(generics.ListCreateAPIView):
    """Requests the caller may see, newest first; POST prepares a draft."""

    serializer_class = s.RequestOut

    def get_queryset(self) -> AccessRequestQuerySet:
        if getattr(self, "swagger_fake_view", False):
            return AccessRequest.objects.none()
        params = parse(s.RequestQuery, self.request, self.request.query_params)
        forms = visible_requests(self.request)
        return forms.filter(status=params["status"]) if params.get("status") else forms

    @extend_schema(parameters=[s.RequestQuery], responses={200: s.RequestOut(many=True)})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(request=s.RequestIn, responses={201: s.RequestDetailOut})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = parse(s.RequestIn, request, request.data)
        form = services.request_create(
            actor=actor(request),
            kind=data["kind"],
            person=data["person"],
            role=data["role"],
            units=data["units"],
            valid_from=data["valid_from"],
            comment=data["comment"],
            justification=data["justification"],
        )
        return detail(form, status_code=status.HTTP_201_CREATED)


class RequestDetailView(APIView):
    """One request with its stages and its history; PATCH edits a draft or returned one."""

    @extend_schema(responses={200: s.RequestDetailOut})
    def get(self, request: Request, pk: int) -> Response:
        return detail(get_object_or_404(visible_requests(request), pk=pk))

    @extend_schema(
        request=s.RequestPatchIn,
        responses={
            200: s.RequestDetailOut,
            409: OpenApiResponse(ErrorOut, description="Blanketten kan inte längre ändras"),
        },
    )
    def patch(self, request: Request, pk: int) -> Response:
        form = get_object_or_404(visible_requests(request), pk=pk)
        data = parse(s.RequestPatchIn, request, request.data)
        return detail(services.request_update(request=form, actor=actor(request), **data))


class RequestActView(APIView):
    """One act on one request; the service decides 403 (never) or 409 (no longer)."""

    input_class: ClassVar[type[serializers.Serializer] | None] = None

    def act(self, form: AccessRequest, user: User, data: dict[str, Any]) -> AccessRequest:
        raise NotImplementedError

    @extend_schema(responses={200: s.RequestDetailOut, **MOVED_ON})
    def post(self, request: Request, pk: int) -> Response:
        data = parse(self.input_class, request, request.data) if self.input_class else {}
        form = get_object_or_404(AccessRequest, pk=pk)
        return detail(self.act(form, actor(request), data))


@extend_schema(request=s.SignIn)
class SignView(RequestActView):
    """Sign the form as its responsible manager, re-entering the password."""

    input_class = s.SignIn

    def act(self, form: AccessRequest, user: User, data: dict[str, Any]) -> AccessRequest:
        return services.requests_sign(requests=[form], actor=user, password=data["password"])[0]


@extend_schema(request=None)
class ApproveView(RequestActView):
    """Pass the current stage on to the next."""

    def act(self, form: AccessRequest, user: User, data: dict[str, Any]) -> AccessRequest:
        return services.request_approve(request=form, actor=user)


@extend_schema(request=s.ReasonIn)
class ReturnView(RequestActView):
    """Send the form back to the requester, with a reason."""

    input_class = s.ReasonIn

    def act(self, form: AccessRequest, user: User, data: dict[str, Any]) -> AccessRequest:
        return services.request_return(request=form, actor=user, reason=data["reason"])


@extend_schema(request=s.ReasonIn)
class RejectView(RequestActView):
    """Reject the form, with a reason."""

    input_class = s.ReasonIn

    def act(self, form: AccessRequest, user: User, data: dict[str, Any]) -> AccessRequest:
        return services.request_reject(request=form, actor=user, reason=data["reason"])


@extend_schema(request=None)
class CarryOutView(RequestActView):
    """Carry the form out at its last stage: the register changes."""

    def act(self, form: AccessRequest, user: User, data: dict[str, Any]) -> AccessRequest:
        return services.request_carry_out(request=form, actor=user)


@extend_schema(request=None)
class WithdrawView(RequestActView):
    """Withdraw the form before it is completed, rejected or withdrawn."""

    def act(self, form: AccessRequest, user: User, data: dict[str, Any]) -> AccessRequest:
        return services.request_withdraw(request=form, actor=user)


class BulkSignView(APIView):
    """Sign several forms of one person or one unit in one act."""

    @extend_schema(
        operation_id="v1_requests_sign_many",
        request=s.BulkSignIn,
        responses={200: s.RequestOut(many=True), **MOVED_ON},
    )
    def post(self, request: Request) -> Response:
        data = parse(s.BulkSignIn, request, request.data)
        forms = list(AccessRequest.objects.filter(pk__in=data["ids"]))
        if len(forms) != len(set(data["ids"])):
            raise Http404
        signed = services.requests_sign(
            requests=forms, actor=actor(request), password=data["password"]
        )
        return Response(s.RequestOut(signed, many=True).data)
