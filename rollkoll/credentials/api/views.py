"""API tokens: trade a username and password for one, list your own, revoke one."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rollkoll.api.inputs import actor, parse
from rollkoll.api.serializers import ErrorOut
from rollkoll.credentials import selectors, services
from rollkoll.credentials.api.serializers import CredentialsIn, IssuedTokenOut, TokenOut
from rollkoll.credentials.models import ApiToken
from rollkoll.errors import DomainError
from rollkoll.web.addresses import client_address

ERRORS = {403: ErrorOut, 404: ErrorOut}


class ObtainTokenView(APIView):
    """Trade a username and password for an API token, valid for API_TOKEN_LIFETIME_HOURS.

    After repeated wrong passwords from one address the username is locked
    out there for a while (429, `locked_out`).
    """

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=CredentialsIn, responses={200: IssuedTokenOut, 400: ErrorOut, 429: ErrorOut}
    )
    def post(self, request: Request) -> Response:
        credentials = parse(CredentialsIn, request, request.data)
        user = authenticate(request._request, **credentials)
        if user is None:
            raise DomainError(_("Fel användarnamn eller lösenord."), code="invalid_credentials")
        _token, key = services.token_issue(user=user, address=client_address(request._request))
        return Response({"token": key})


@extend_schema_view(
    list=extend_schema(responses={200: TokenOut(many=True), **ERRORS}),
    destroy=extend_schema(responses={204: None, **ERRORS}),
)
class TokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """The caller's own API tokens that still work (never their secrets); revoke one by id."""

    serializer_class = TokenOut
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[ApiToken]:
        if getattr(self, "swagger_fake_view", False):
            return ApiToken.objects.none()
        return selectors.tokens_of(actor(self.request))

    def destroy(self, request: Request, *args: object, **kwargs: object) -> Response:
        services.token_revoke(token=self.get_object(), actor=actor(request), reason="api")
        return Response(status=status.HTTP_204_NO_CONTENT)
