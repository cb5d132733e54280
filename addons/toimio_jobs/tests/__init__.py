from . import test_shift_rules
from . import test_shift_recording
from . import test_shift_invoicing
from . import test_peppol
from . import test_shift_planning
from . import test_shift_security
from . import test_portal
from . import test_end_to_end
