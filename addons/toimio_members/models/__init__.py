from . import toimio_special_category_mixin
from . import toimio_access_log
from . import res_company
from . import toimio_engagement_type
from . import toimio_engagement
from . import toimio_target_group_change
from . import hr_employee
