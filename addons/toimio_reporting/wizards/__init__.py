from . import toimio_funder_indicator_wizard
from . import toimio_funder_indicator_line
