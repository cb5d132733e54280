# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the bench scripts share: starting Odoo on a database, a cursor whose
work is rolled back, and the national network's data: supervisors, customers
and orders through the ORM, then people, engagements, target-group changes,
shifts and timesheet lines in bulk SQL."""

import contextlib
import os
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_odoo(db, config_file=None):
    """Configure Odoo for ``db``: the given configuration file, or Toimio's
    addons before Odoo's own."""
    import odoo
    from odoo.tools import config

    options = ["-d", db, "--log-level=warn"]
    if config_file:
        options = ["-c", config_file] + options
    else:
        root = os.path.dirname(odoo.__file__)
        paths = [os.path.join(REPO, "addons")] + [
            path
            for path in (
                os.path.join(root, "addons"),
                os.path.join(os.path.dirname(root), "addons"),
            )
            if os.path.isdir(path)
        ]
        options += ["--addons-path", ",".join(paths)]
    config.parse_config(options)


def create_supervisors(env, count, login_prefix):
    """``count`` work supervisors of the current company."""
    from odoo import Command

    company = env.company
    group = env.ref("toimio_members.group_toimio_supervisor")
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Bench työnjohtaja {i}",
                    "login": f"{login_prefix}_{i}",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [Command.set(group.ids)],
                    "tz": "Europe/Helsinki",
                }
                for i in range(count)
            ]
        )
    )


def create_customer_orders(env, count, supervisors, hours):
    """``count`` customers in Rovaniemi, each with a confirmed order of
    ``hours`` hours of cleaning (one job), spread over the supervisors.
    Returns (orders, product)."""
    from odoo import Command

    company = env.company
    partners = env["res.partner"].create(
        [
            {
                "name": f"Bench asiakas {i}",
                "is_company": True,
                "street": f"Koskikatu {i + 1}",
                "zip": "96200",
                "city": "Rovaniemi",
            }
            for i in range(count)
        ]
    )
    product = env["product.product"].create(
        {
            "name": "Bench siivous",
            "type": "service",
            "invoice_policy": "delivery",
            "service_type": "timesheet",
            "service_tracking": "task_in_project",
            "uom_id": env.ref("uom.product_uom_hour").id,
            "uom_po_id": env.ref("uom.product_uom_hour").id,
            "list_price": 30.0,
        }
    )
    orders = env["sale.order"].create(
        [
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "toimio_supervisor_id": supervisors[i * len(supervisors) // count].id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": hours})
                ],
            }
            for i, partner in enumerate(partners)
        ]
    )
    orders.action_confirm()
    return orders, product


# -- the national network -----------------------------------------------------


def build_orm(env, people):
    """Supervisors, customers and their confirmed orders (one job each)."""
    supervisors = create_supervisors(
        env, max(5, people // 100), "bench_reporting_supervisor"
    )
    orders, _product = create_customer_orders(
        env, max(20, people // 25), supervisors, 10_000
    )
    env.flush_all()
    return supervisors, orders


def build_sql(env, people, shifts, year_start, orders):
    """People, engagements, group changes, shifts and timesheet lines in SQL."""
    cr = env.cr
    company = env.company.id
    uid = env.uid
    types = {
        code: env.ref(f"toimio_members.engagement_type_{code}").id
        for code in ("employment", "subsidised", "work_trial", "rehab", "participation")
    }
    # People: a resource and an employee each.
    cr.execute(
        """
        CREATE TEMP TABLE bench_people ON COMMIT DROP AS
        WITH r AS (
            INSERT INTO resource_resource
                   (name, resource_type, time_efficiency, tz, active, company_id,
                    create_uid, write_uid, create_date, write_date)
            SELECT 'Bench henkilö ' || g, 'user', 100, 'Europe/Helsinki', TRUE, %(c)s,
                   %(u)s, %(u)s, now(), now()
              FROM generate_series(1, %(n)s) g
         RETURNING id, name
        )
        SELECT r.id AS resource_id, r.name, row_number() OVER (ORDER BY r.id) AS n
          FROM r
        """,
        {"c": company, "u": uid, "n": people},
    )
    cr.execute(
        """
        ALTER TABLE bench_people ADD COLUMN employee_id integer;
        WITH e AS (
            INSERT INTO hr_employee
                   (resource_id, name, company_id, employee_type, active,
                    distance_home_work_unit, marital, gender, birthday,
                    create_uid, write_uid, create_date, write_date)
            SELECT p.resource_id, p.name, %(c)s, 'employee', TRUE, 'kilometers',
                   'single',
                   CASE WHEN p.n %% 10 < 5 THEN 'female'
                        WHEN p.n %% 10 < 9 THEN 'male' ELSE 'other' END,
                   CASE WHEN p.n %% 17 = 0 THEN NULL
                        ELSE date '1958-01-01' + (p.n * 7919 %% 16000)::int END,
                   %(u)s, %(u)s, now(), now()
              FROM bench_people p
         RETURNING id, resource_id
        )
        UPDATE bench_people p SET employee_id = e.id FROM e
         WHERE e.resource_id = p.resource_id;
        CREATE INDEX ON bench_people (n);
        """,
        {"c": company, "u": uid},
    )
    # Engagements: everybody has a first one; a fifth leave during the year
    # and start a second one the next day.
    type_case = (
        "CASE WHEN p.n %% 10 < 4 THEN {employment} WHEN p.n %% 10 < 6 THEN "
        "{subsidised} WHEN p.n %% 10 < 7 THEN {work_trial} WHEN p.n %% 10 < 8 "
        "THEN {rehab} ELSE {participation} END"
    ).format(**types)
    cr.execute(
        f"""
        INSERT INTO toimio_engagement
               (name, employee_id, type_id, type_code, type_exclusive, company_id,
                date_start, date_end, target_group, state, exit_outcome,
                followup_result, followup_date, followup_due_date,
                entry_labour_status, entry_education,
                create_uid, write_uid, create_date, write_date)
        SELECT p.name, p.employee_id, t.id, t.code, t.exclusive, %(c)s,
               %(y)s::date - 60 - (p.n %% 700)::int,
               CASE WHEN p.n %% 5 = 0 THEN %(y)s::date + (p.n * 13 %% 330)::int END,
               ((p.n %% 3) + 1)::varchar,
               CASE WHEN p.n %% 5 = 0 THEN 'ended' ELSE 'active' END,
               CASE WHEN p.n %% 5 = 0 THEN (ARRAY['open_labour_market',
                    'education', 'other_service', 'pension', 'other_engagement',
                    'other', 'unknown'])[1 + (p.n / 5) %% 7] END,
               CASE WHEN p.n %% 10 = 0 THEN (ARRAY['employed', 'education',
                    'other', 'unknown'])[1 + (p.n / 10) %% 4] END,
               CASE WHEN p.n %% 10 = 0
                    THEN %(y)s::date + (p.n * 13 %% 330)::int + 190 END,
               CASE WHEN p.n %% 5 = 0
                    THEN %(y)s::date + (p.n * 13 %% 330)::int + 183 END,
               (ARRAY['employed', 'unemployed', 'long_term_unemployed',
                      'inactive'])[1 + p.n %% 4],
               (ARRAY['isced_0_2', 'isced_3_4', 'isced_5_8'])[1 + p.n %% 3],
               %(u)s, %(u)s, now(), now()
          FROM bench_people p
          JOIN toimio_engagement_type t ON t.id = {type_case};
        -- The disability answer: the person's, in their work adjustments.
        INSERT INTO toimio_work_adjustment
               (employee_id, company_id, disability,
                create_uid, write_uid, create_date, write_date)
        SELECT p.employee_id, %(c)s,
               (ARRAY['yes', 'no', 'no', 'undisclosed'])[1 + p.n %% 4],
               %(u)s, %(u)s, now(), now()
          FROM bench_people p;
        INSERT INTO toimio_engagement
               (name, employee_id, type_id, type_code, type_exclusive, company_id,
                date_start, target_group, state, entry_labour_status,
                entry_education, create_uid, write_uid, create_date, write_date)
        SELECT p.name, p.employee_id, %(employment)s, 'employment', TRUE, %(c)s,
               e.date_end + 1, '1', 'active', 'employed', 'isced_3_4',
               %(u)s, %(u)s, now(), now()
          FROM bench_people p
          JOIN toimio_engagement e ON e.employee_id = p.employee_id
         WHERE p.n %% 5 = 0;
        """,
        {"c": company, "u": uid, "y": year_start, "employment": types["employment"]},
    )
    # Target groups: the first assignment, and for a third of the people a
    # change during the year (III → II, II → I, I → II).
    cr.execute(
        """
        INSERT INTO toimio_target_group_change
               (employee_id, company_id, date, old_group, new_group, reason, user_id,
                create_uid, write_uid, create_date, write_date)
        SELECT e.employee_id, %(c)s, e.date_start, NULL, e.target_group, 'bench',
               %(u)s, %(u)s, %(u)s, now(), now()
          FROM toimio_engagement e JOIN bench_people p ON p.employee_id = e.employee_id
         WHERE e.state = 'ended' OR p.n %% 5 != 0
        UNION ALL
        SELECT p.employee_id, %(c)s, %(y)s::date + (p.n * 7 %% 300)::int + 1,
               ((p.n %% 3) + 1)::varchar,
               CASE (p.n %% 3) + 1 WHEN 3 THEN '2' WHEN 2 THEN '1' ELSE '2' END,
               'bench', %(u)s, %(u)s, %(u)s, now(), now()
          FROM bench_people p
         WHERE p.n %% 3 = 0 AND p.n %% 5 != 0;
        UPDATE hr_employee emp SET toimio_target_group = last.new_group
          FROM (SELECT DISTINCT ON (employee_id) employee_id, new_group
                  FROM toimio_target_group_change
                 ORDER BY employee_id, date DESC, id DESC) last
         WHERE last.employee_id = emp.id
           AND emp.id IN (SELECT employee_id FROM bench_people);
        """,
        {"c": company, "u": uid, "y": year_start},
    )
    # Jobs: person n works on the job of customer n mod customers.
    cr.execute(
        """
        CREATE TEMP TABLE bench_jobs ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY t.id) - 1 AS k, t.id AS task_id,
               t.project_id, t.sale_line_id, t.partner_id, t.company_id,
               so.toimio_supervisor_id AS supervisor_id
          FROM project_task t
          JOIN sale_order_line sol ON sol.id = t.sale_line_id
          JOIN sale_order so ON so.id = sol.order_id
         WHERE so.id IN %(orders)s
        """,
        {"orders": tuple(orders.ids)},
    )
    cr.execute("SELECT count(*) FROM bench_jobs")
    n_jobs = cr.fetchone()[0]
    # Shifts: the first weekdays of the year, one a day per person, 8–12
    # Helsinki time (06–10 UTC; daylight saving time does not matter here).
    days = -(-shifts // people)
    cr.execute(
        """
        CREATE TEMP TABLE bench_days ON COMMIT DROP AS
        SELECT d::date AS day
          FROM generate_series(%(y)s::date, %(y)s::date + 400, '1 day') d
         WHERE extract(isodow FROM d) < 6
         ORDER BY d
         LIMIT %(days)s
        """,
        {"y": year_start, "days": days},
    )
    cr.execute(
        """
        INSERT INTO toimio_shift
               (employee_id, task_id, project_id, sale_line_id, partner_id,
                company_id, supervisor_id, start, stop, date, break_minutes,
                planned_hours, state, actual_start, actual_stop, worked_hours,
                duration, absence_reason, engagement_id, engagement_type_id,
                create_uid, write_uid, create_date, write_date)
        SELECT p.employee_id, j.task_id, j.project_id, j.sale_line_id, j.partner_id,
               j.company_id, j.supervisor_id,
               d.day + time '06:00', d.day + time '10:00', d.day, 0, 4.0,
               s.state, d.day + time '06:00', d.day + time '10:00',
               CASE WHEN s.state = 'done' THEN 4.0 ELSE 0 END,
               CASE WHEN s.state IN ('done', 'planned') THEN 4.0 ELSE 0 END,
               CASE WHEN s.state = 'absent' THEN 'sick' END,
               e.id, e.type_id, %(u)s, %(u)s, now(), now()
          FROM bench_days d
         CROSS JOIN bench_people p
          JOIN bench_jobs j ON j.k = p.n %% %(jobs)s
          JOIN toimio_engagement e
            ON e.employee_id = p.employee_id
           AND e.date_start <= d.day
           AND (e.date_end IS NULL OR e.date_end >= d.day)
         CROSS JOIN LATERAL (
               SELECT CASE WHEN h < 85 THEN 'done' WHEN h < 93 THEN 'absent'
                           WHEN h < 98 THEN 'planned' ELSE 'cancelled' END AS state
                 FROM (SELECT (p.n * 31 + (d.day - %(y)s::date) * 17) %% 100 AS h) x
               ) s
        """,
        {"u": uid, "y": year_start, "jobs": n_jobs},
    )
    n_shifts = cr.rowcount
    # One timesheet line per done shift of an invoiceable engagement type.
    cr.execute(
        """
        INSERT INTO account_analytic_line
               (name, date, amount, unit_amount, company_id, product_uom_id,
                project_id, task_id, employee_id, so_line, toimio_shift_id,
                account_id, user_id, create_uid, write_uid, create_date, write_date)
        SELECT 'Bench', s.date, 0, s.worked_hours, s.company_id, %(hour)s,
               s.project_id, s.task_id, s.employee_id, s.sale_line_id, s.id,
               pr.account_id, %(u)s, %(u)s, %(u)s, now(), now()
          FROM toimio_shift s
          JOIN toimio_engagement_type t ON t.id = s.engagement_type_id
          JOIN project_project pr ON pr.id = s.project_id
         WHERE s.state = 'done' AND t.invoiceable
           AND s.employee_id IN (SELECT employee_id FROM bench_people)
        """,
        {"u": uid, "hour": env.ref("uom.product_uom_hour").id},
    )
    n_lines = cr.rowcount
    # Fresh statistics for every table the set-up wrote, the ORM's ones
    # included: without them PostgreSQL plans the year's joins for the tiny
    # tables it last saw (a nested loop over 3 million lines × 1,000 order
    # lines ran for hours).
    for table in (
        "res_partner",
        "res_users",
        "sale_order",
        "sale_order_line",
        "project_project",
        "project_task",
        "hr_employee",
        "toimio_engagement",
        "toimio_target_group_change",
        "toimio_shift",
        "account_analytic_line",
    ):
        cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    return n_shifts, n_lines, n_jobs


def build_network(env, people, shifts, year_start):
    """The whole network (``build_orm`` then ``build_sql``), timed. Returns a
    dict: supervisors, orders, shifts, lines, jobs, orm_seconds, sql_seconds."""
    t0 = time.perf_counter()
    supervisors, orders = build_orm(env, people)
    t_orm = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_shifts, n_lines, n_jobs = build_sql(env, people, shifts, year_start, orders)
    return {
        "supervisors": supervisors,
        "orders": orders,
        "shifts": n_shifts,
        "lines": n_lines,
        "jobs": n_jobs,
        "orm_seconds": t_orm,
        "sql_seconds": time.perf_counter() - t0,
    }


@contextlib.contextmanager
def rolled_back_env(db):
    """A superuser environment on ``db`` (after ``start_odoo``) whose work is
    rolled back at the end: the database is left as it was."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    with Registry(db).cursor() as cr:
        try:
            yield api.Environment(
                cr, SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True}
            )
        finally:
            cr.rollback()
