from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("rollkoll.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("rollkoll.requests.urls")),
    path("", include("rollkoll.web.urls")),
    path("", include("rollkoll.home.urls")),
]
