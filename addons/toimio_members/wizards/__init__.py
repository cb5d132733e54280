from . import toimio_engagement_end_wizard
from . import toimio_target_group_wizard
from . import toimio_member_approve_wizard
from . import toimio_member_exit_wizard
from . import toimio_share_subscribe_wizard
from . import toimio_share_transfer_wizard
from . import toimio_share_refund_wizard
