"""REST API v1 routes of the org app."""

from rest_framework.routers import SimpleRouter

from rollkoll.org.api import views

router = SimpleRouter()
router.register("people", views.PersonViewSet, basename="person")
router.register("units", views.UnitViewSet, basename="unit")
router.register("delegations", views.DelegationViewSet, basename="delegation")

urlpatterns = router.urls
