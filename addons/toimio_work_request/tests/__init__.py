from . import test_work_request_flow
from . import test_work_request_security
from . import test_work_request_invoicing
from . import test_work_request_portal
from . import test_work_request_tour
