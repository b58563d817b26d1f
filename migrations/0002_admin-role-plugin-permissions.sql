-- hand-written: the built-in admin role's plugin permissions now come from its stored list, as for
-- every other role (before, sign-in added every plugin permission to admins whatever the list
-- said). Existing admin roles get the compiled-in plugins' permissions once, so no admin loses
-- what they could do the day before.
UPDATE roles SET permissions = (
  SELECT json_group_array(value) FROM (
    SELECT value FROM json_each(roles.permissions)
    UNION
    SELECT value FROM json_each('["loyalty:adjust","loyalty:manage","loyalty:read","loyalty:redeem"]')
    ORDER BY value
  )
) WHERE key = 'admin' AND builtin = 1;
