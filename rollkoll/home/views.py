from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rollkoll.org.models import Unit, User


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Who the user is in Rollkoll: their app roles and the units they manage today."""
    user: User = request.user  # type: ignore[assignment]
    context = {
        "app_roles": user.app_roles.select_related("organisation", "business_area"),
        "managed_units": Unit.objects.filter(pk__in=user.scope.managed_unit_ids),
    }
    return render(request, "home/home.html", context)
