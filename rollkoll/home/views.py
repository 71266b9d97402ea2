from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rollkoll.governance.selectors import to_do
from rollkoll.org.models import Unit, User


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """What waits for the user, and who they are in Rollkoll: app roles and units managed."""
    user: User = request.user  # type: ignore[assignment]
    context = {
        "to_do": to_do(user),
        "app_roles": user.app_roles.select_related("organisation", "business_area"),
        "managed_units": Unit.objects.filter(pk__in=user.scope.managed_unit_ids),
    }
    return render(request, "home/home.html", context)
