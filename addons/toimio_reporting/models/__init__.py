from . import toimio_hours_report
from . import toimio_transition_report
from . import toimio_people_report
from . import toimio_economy_report
from . import res_company
from . import res_config_settings
from . import toimio_reserved_share
