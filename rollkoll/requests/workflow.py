"""The request state machine: the transition table as data, and one pure decision.

Each row says: in this state (and at this kind of stage), this act leads to
one of these states, and an actor in one of these capacities may take it.
The services work out the actor's capacities for one request from the
database; `decide` then answers without touching it:

- `ALLOWED` when a row matches the request's state, stage and the actor;
- `FORBIDDEN` (403) when no row of the act names any capacity the actor has
  on this request, in any state: they could never take this act here;
- `MOVED_ON` (409) when they could, but not now: the request is in another
  state or at another stage than the act needs.

Approving moves a request to the next stage; at the last stage the act is
"carry out". A request that enters the last stage while its classroom course
is not yet completed waits in `waiting_for_training`; `resume` (the system,
after a completions import) brings it back to the last stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rollkoll.requests.models import RequestStatus as S


class Act(StrEnum):
    EDIT = "edit"
    SIGN = "sign"
    APPROVE = "approve"
    RETURN = "return"
    REJECT = "reject"
    CARRY_OUT = "carry_out"
    WITHDRAW = "withdraw"
    RESUME = "resume"


class Capacity(StrEnum):
    """What an actor is in relation to one request."""

    PREPARER = "preparer"  # manager of the person's unit, their deputy, or the BA contact
    REQUESTER = "requester"  # the user who created the request
    RESPONSIBLE_MANAGER = "responsible_manager"  # may sign: the manager or their deputy
    STAGE_APPROVER = "stage_approver"  # holds the request's current stage
    SPECIALIST = "specialist"  # payroll specialist support
    SYSTEM = "system"  # an import or a job, no person


class StageRule(StrEnum):
    ANY = "any"
    BEFORE_LAST = "before_last"
    LAST = "last"


class Outcome(StrEnum):
    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"
    MOVED_ON = "moved_on"


@dataclass(frozen=True)
class Transition:
    act: Act
    source: S
    targets: frozenset[S]
    actors: frozenset[Capacity]
    stage: StageRule = StageRule.ANY


def _rows(
    act: Act,
    sources: tuple[S, ...],
    targets: tuple[S, ...],
    actors: tuple[Capacity, ...],
    stage: StageRule = StageRule.ANY,
) -> list[Transition]:
    return [
        Transition(act, source, frozenset(targets), frozenset(actors), stage) for source in sources
    ]


_REVIEWING = (S.IN_REVIEW, S.WAITING_FOR_TRAINING)
_OPEN = (S.DRAFT, S.RETURNED, S.IN_REVIEW, S.WAITING_FOR_TRAINING)
_C = Capacity

TRANSITIONS: tuple[Transition, ...] = (
    *_rows(Act.EDIT, (S.DRAFT,), (S.DRAFT,), (_C.PREPARER, _C.REQUESTER)),
    *_rows(Act.EDIT, (S.RETURNED,), (S.RETURNED,), (_C.PREPARER, _C.REQUESTER)),
    *_rows(
        Act.SIGN,
        (S.DRAFT, S.RETURNED),
        (S.IN_REVIEW, S.WAITING_FOR_TRAINING),
        (_C.RESPONSIBLE_MANAGER,),
    ),
    *_rows(
        Act.APPROVE,
        (S.IN_REVIEW,),
        (S.IN_REVIEW, S.WAITING_FOR_TRAINING),
        (_C.STAGE_APPROVER,),
        StageRule.BEFORE_LAST,
    ),
    *_rows(Act.RETURN, _REVIEWING, (S.RETURNED,), (_C.STAGE_APPROVER, _C.SYSTEM)),
    *_rows(Act.REJECT, _REVIEWING, (S.REJECTED,), (_C.STAGE_APPROVER,)),
    *_rows(Act.CARRY_OUT, _REVIEWING, (S.COMPLETED,), (_C.SPECIALIST,), StageRule.LAST),
    *_rows(Act.WITHDRAW, _OPEN, (S.WITHDRAWN,), (_C.REQUESTER, _C.RESPONSIBLE_MANAGER)),
    *_rows(Act.RESUME, (S.WAITING_FOR_TRAINING,), (S.IN_REVIEW,), (_C.SYSTEM,), StageRule.LAST),
)


@dataclass(frozen=True)
class Position:
    """Where a request stands: its state and, once signed, its stage on the route."""

    status: S
    stage: int | None = None
    last_stage: int | None = None

    def matches(self, rule: StageRule) -> bool:
        if rule is StageRule.ANY:
            return True
        if self.stage is None or self.last_stage is None:
            return False
        at_last = self.stage == self.last_stage
        return at_last if rule is StageRule.LAST else not at_last


@dataclass(frozen=True)
class ActorFacts:
    """The actor's capacities on one request.

    `approver_stages` are the stage positions of the request's route that the
    actor holds (a member of the approver group, or the deputy of an away
    member); holding the current one gives the STAGE_APPROVER capacity.
    """

    capacities: frozenset[Capacity] = frozenset()
    approver_stages: frozenset[int] = frozenset()

    def has_now(self, capacity: Capacity, position: Position) -> bool:
        if capacity is Capacity.STAGE_APPROVER:
            return position.stage in self.approver_stages
        return capacity in self.capacities

    def could_ever(self, row: Transition, last_stage: int | None) -> bool:
        if Capacity.STAGE_APPROVER in row.actors and self._could_hold(row.stage, last_stage):
            return True
        return bool(row.actors & self.capacities)

    def _could_hold(self, rule: StageRule, last_stage: int | None) -> bool:
        return any(
            Position(S.IN_REVIEW, stage, last_stage).matches(rule) for stage in self.approver_stages
        )


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    targets: frozenset[S] = frozenset()

    @property
    def allowed(self) -> bool:
        return self.outcome is Outcome.ALLOWED


def decide(act: Act, position: Position, actor: ActorFacts) -> Decision:
    """May this actor take this act on a request at this position now?"""
    rows = [row for row in TRANSITIONS if row.act is act]
    if not any(actor.could_ever(row, position.last_stage) for row in rows):
        return Decision(Outcome.FORBIDDEN)
    for row in rows:
        if (
            row.source == position.status
            and position.matches(row.stage)
            and any(actor.has_now(capacity, position) for capacity in row.actors)
        ):
            return Decision(Outcome.ALLOWED, row.targets)
    return Decision(Outcome.MOVED_ON)
