"""REST API v1 routes of the requests app."""

from django.urls import path

from rollkoll.requests.api import views

ACTS = {
    "sign": views.SignView,
    "approve": views.ApproveView,
    "return": views.ReturnView,
    "reject": views.RejectView,
    "carry-out": views.CarryOutView,
    "withdraw": views.WithdrawView,
}

urlpatterns = [
    path("eligibility/", views.EligibilityView.as_view(), name="api-eligibility"),
    path("requests/", views.RequestListView.as_view(), name="api-requests"),
    path("requests/sign/", views.BulkSignView.as_view(), name="api-requests-sign"),
    path("requests/<int:pk>/", views.RequestDetailView.as_view(), name="api-request"),
    *(
        path(f"requests/<int:pk>/{act}/", view.as_view(), name=f"api-request-{act}")
        for act, view in ACTS.items()
    ),
]
