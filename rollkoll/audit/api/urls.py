"""REST API v1 routes of the audit app."""

from rest_framework.routers import SimpleRouter

from rollkoll.audit.api import views

router = SimpleRouter()
router.register("audit-events", views.EventViewSet, basename="audit-event")

urlpatterns = router.urls
