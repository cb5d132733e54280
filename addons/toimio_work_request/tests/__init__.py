from . import test_work_request_flow
from . import test_work_request_security
from . import test_work_request_invoicing
from . import test_work_request_portal
from . import test_work_request_tour
from . import test_work_request_capacity
from . import test_work_request_cancel
from . import test_work_request_skills
from . import test_work_request_invoice_privacy
from . import test_work_request_swedish
from . import test_work_request_integrity
from . import test_work_request_doors
from . import test_work_request_impact

