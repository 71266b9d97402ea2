"""The acts on a request, one keyword-only function each, each one transaction."""

from rollkoll.requests.services.drafts import request_create, request_update
from rollkoll.requests.services.review import (
    request_approve,
    request_carry_out,
    request_reject,
    request_return,
    request_withdraw,
    requests_resume_after_training,
)
from rollkoll.requests.services.sign import requests_sign

__all__ = [
    "request_approve",
    "request_carry_out",
    "request_create",
    "request_reject",
    "request_return",
    "request_update",
    "request_withdraw",
    "requests_resume_after_training",
    "requests_sign",
]
