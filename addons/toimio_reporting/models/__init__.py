from . import toimio_hours_report
from . import toimio_transition_report
from . import toimio_people_report
from . import toimio_economy_report
