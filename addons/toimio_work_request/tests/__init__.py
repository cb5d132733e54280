from . import test_work_request_flow
from . import test_work_request_security
