from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from campaigns.viewsets.tracking import (
    ActivityViewSet,
    AudienceViewSet,
    CampaignViewSet,
    ClubViewSet,
    DistributionViewSet,
    OrganiserViewSet,
    TopicViewSet,
)

# The hook through which apps built on this one add their screens to the menu.
CAMPAIGN_WORK_MENU_HOOK = "register_campaign_work_menu_item"


class CampaignWorkGroup(ViewSetGroup):
    """The "Campaign work" menu: campaigns' screens, and those other apps add through its hook."""

    menu_label = _("Campaign work")
    menu_icon = "date"
    menu_order = 150
    submenu_hook = CAMPAIGN_WORK_MENU_HOOK
    items = (
        CampaignViewSet,
        ActivityViewSet,
        ClubViewSet,
        DistributionViewSet,
        OrganiserViewSet,
        AudienceViewSet,
        TopicViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [CampaignWorkGroup()]
