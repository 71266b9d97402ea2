"""The transition table, walked exhaustively: every act × state × stage × actor.

The expectations below are the issue's words written out, independent of
`workflow.TRANSITIONS`: who may take each act, and in which states.
"""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rollkoll.requests.models import RequestStatus as S
from rollkoll.requests.workflow import Act, ActorFacts, Capacity, Outcome, Position, decide

C = Capacity
LAST = 2  # a two-stage route: stage 1 (e.g. the coordinator), stage 2 (specialist support)
OPEN = (S.DRAFT, S.RETURNED, S.IN_REVIEW, S.WAITING_FOR_TRAINING)

# act → {(state, stage or None for any): capacities that may take it there}
EXPECTED: dict[Act, dict[tuple[S, int | None], set[Capacity]]] = {
    Act.EDIT: {
        (S.DRAFT, None): {C.PREPARER, C.REQUESTER},
        (S.RETURNED, None): {C.PREPARER, C.REQUESTER},
    },
    Act.SIGN: {
        (S.DRAFT, None): {C.RESPONSIBLE_MANAGER},
        (S.RETURNED, None): {C.RESPONSIBLE_MANAGER},
    },
    Act.APPROVE: {(S.IN_REVIEW, 1): {C.STAGE_APPROVER}},
    Act.RETURN: {  # the system, when a form it counted on is closed
        (S.IN_REVIEW, None): {C.STAGE_APPROVER, C.SYSTEM},
        (S.WAITING_FOR_TRAINING, None): {C.STAGE_APPROVER, C.SYSTEM},
    },
    Act.REJECT: {
        (S.IN_REVIEW, None): {C.STAGE_APPROVER},
        (S.WAITING_FOR_TRAINING, None): {C.STAGE_APPROVER},
    },
    Act.CARRY_OUT: {  # a waiting form is refused by the engine, naming the course
        (S.IN_REVIEW, LAST): {C.SPECIALIST},
        (S.WAITING_FOR_TRAINING, LAST): {C.SPECIALIST},
    },
    Act.WITHDRAW: {(state, None): {C.REQUESTER, C.RESPONSIBLE_MANAGER} for state in OPEN},
    Act.RESUME: {(S.WAITING_FOR_TRAINING, LAST): {C.SYSTEM}},
}

PLAIN = [c for c in Capacity if c is not C.STAGE_APPROVER]
STAGES = [None, 1, LAST]


def _allowed_there(act: Act, status: S, stage: int | None) -> set[Capacity]:
    rules = EXPECTED[act]
    return rules.get((status, None), set()) | (
        rules.get((status, stage), set()) if stage else set()
    )


def _position(status: S, stage: int | None) -> Position:
    return Position(status, stage, LAST)


@pytest.mark.parametrize(
    ("act", "status", "stage", "capacity"),
    list(itertools.product(Act, S, STAGES, PLAIN)),
)
def test_each_plain_capacity(act, status, stage, capacity):
    outcome = decide(
        act, _position(status, stage), ActorFacts(capacities=frozenset({capacity}))
    ).outcome
    anywhere = set().union(*EXPECTED[act].values())
    if capacity in _allowed_there(act, status, stage):
        assert outcome is Outcome.ALLOWED
    elif capacity in anywhere:
        assert outcome is Outcome.MOVED_ON
    else:
        assert outcome is Outcome.FORBIDDEN


@pytest.mark.parametrize(
    ("act", "status", "stage", "held"),
    list(itertools.product(Act, S, STAGES, [1, LAST])),
)
def test_stage_approvers(act, status, stage, held):
    """An approver holds one stage; approving the last stage is carrying out, not approving."""
    actor = ActorFacts(approver_stages=frozenset({held}))
    outcome = decide(act, _position(status, stage), actor).outcome
    takes_part = C.STAGE_APPROVER in set().union(*EXPECTED[act].values())
    could_ever = takes_part and not (act is Act.APPROVE and held == LAST)
    if stage == held and C.STAGE_APPROVER in _allowed_there(act, status, stage):
        assert outcome is Outcome.ALLOWED
    elif could_ever:
        assert outcome is Outcome.MOVED_ON
    else:
        assert outcome is Outcome.FORBIDDEN


@pytest.mark.parametrize(("act", "status", "stage"), list(itertools.product(Act, S, STAGES)))
def test_nobody_may_do_anything(act, status, stage):
    assert decide(act, _position(status, stage), ActorFacts()).outcome is Outcome.FORBIDDEN


def test_a_single_stage_route_has_nothing_to_approve():
    position = Position(S.IN_REVIEW, 1, 1)
    approver = ActorFacts(approver_stages=frozenset({1}), capacities=frozenset({C.SPECIALIST}))
    assert decide(Act.APPROVE, position, approver).outcome is Outcome.FORBIDDEN
    assert decide(Act.CARRY_OUT, position, approver).allowed


def test_signing_may_lead_to_review_or_waiting():
    decision = decide(
        Act.SIGN, Position(S.DRAFT), ActorFacts(capacities=frozenset({C.RESPONSIBLE_MANAGER}))
    )
    assert decision.targets == {S.IN_REVIEW, S.WAITING_FOR_TRAINING}


@given(
    act=st.sampled_from(Act),
    status=st.sampled_from(S),
    stage=st.sampled_from(STAGES),
    capacities=st.frozensets(st.sampled_from(PLAIN)),
    held=st.frozensets(st.sampled_from([1, LAST])),
)
def test_more_capacities_never_take_a_right_away(act, status, stage, capacities, held):
    """Adding a capacity can only turn a refusal into an allowance, never the reverse."""
    position = _position(status, stage)
    fewer = decide(act, position, ActorFacts(capacities, held))
    more = decide(act, position, ActorFacts(capacities | {C.SPECIALIST, C.REQUESTER}, held))
    if fewer.allowed:
        assert more.allowed
    if fewer.outcome is Outcome.MOVED_ON:
        assert more.outcome is not Outcome.FORBIDDEN
