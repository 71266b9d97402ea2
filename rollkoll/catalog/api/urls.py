"""REST API v1 routes of the catalog app."""

from rest_framework.routers import SimpleRouter

from rollkoll.catalog.api import views

router = SimpleRouter()
router.register("roles", views.RoleViewSet, basename="role")
router.register("courses", views.CourseViewSet, basename="course")

urlpatterns = router.urls
