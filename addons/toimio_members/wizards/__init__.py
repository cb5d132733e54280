from . import toimio_engagement_end_wizard
from . import toimio_target_group_wizard
