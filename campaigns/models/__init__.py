from .activities import Activity
from .campaigns import Campaign, PlanDocument, Target
from .clubs import Club
from .common import ActivityKind
from .distributions import MaterialDistribution
from .organisers import Organiser
from .taxonomy import Audience, Topic

__all__ = [
    "Activity",
    "ActivityKind",
    "Audience",
    "Campaign",
    "Club",
    "MaterialDistribution",
    "Organiser",
    "PlanDocument",
    "Target",
    "Topic",
]
