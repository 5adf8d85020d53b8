// 新建用户 / 编辑: `users.create` or `users.update`, with the server's field errors on the fields.
// A unit officer also names their county unit (县直单位) among the active units of the county.
import { useEffect } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { divisionLevel } from '@fazhi/domain';
import { useLang } from '../../i18n';
import { useFormErrorHandler } from '../../lib/use-form-error-handler';
import { grantableRoles, scopeLevelsFor, WHOLE_DEPLOYMENT, type Role } from '../../lib/roles';
import { queryClient, trpc } from '../../trpc';
import type { UserRow } from '../../types';
import { useMe } from '../auth/me-context';
import { DivisionSelect } from './division-select';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  scopeCode?: string;
  unitId?: string;
}

const formFields = ['username', 'displayName', 'password', 'role', 'scopeCode', 'unitId'];

/** Whether a scope code suits a role (so that changing the role keeps or clears the scope). */
function scopeFits(role: Role, code: string | undefined): boolean {
  if (!code) return false;
  const levels = scopeLevelsFor(role);
  if (levels === null) return code === WHOLE_DEPLOYMENT;
  if (code === WHOLE_DEPLOYMENT) return false;
  try {
    return levels.includes(divisionLevel(code));
  } catch {
    return false;
  }
}

interface Props {
  open: boolean;
  /** The user to edit; creates a new one when absent. */
  user: UserRow | null;
  onClose(): void;
}

export function UserFormModal({ open, user, onClose }: Props) {
  const { t } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const scopeCode = Form.useWatch('scopeCode', form);
  const create = useMutation(trpc.users.create.mutationOptions());
  const update = useMutation(trpc.users.update.mutationOptions());
  const editing = user !== null;
  const self = user?.id === me.id;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        scopeCode: user.scopeCode,
        ...(user.unitId ? { unitId: user.unitId } : {}),
      });
    }
  }, [open, user, form]);

  // one's own role cannot be changed (and is not grantable by oneself): shown as it is
  const roles = self && user ? [user.role] : grantableRoles(me.role);
  const levels = role ? scopeLevelsFor(role) : [];
  const needsUnit = role === 'unit_officer';
  // the active units of the chosen county (a unit officer's scope is their county)
  const units = useQuery({
    ...trpc.units.list.queryOptions({
      countyCode: scopeCode ?? '',
      activeOnly: true,
      pageSize: 200,
    }),
    enabled: open && needsUnit && !!scopeCode && scopeFits('unit_officer', scopeCode),
  });

  const onRoleChange = (next: Role) => {
    const scope = form.getFieldValue('scopeCode') as string | undefined;
    if (next === 'system_admin') form.setFieldValue('scopeCode', WHOLE_DEPLOYMENT);
    else if (!scopeFits(next, scope)) form.setFieldValue('scopeCode', undefined);
    if (next !== 'unit_officer') form.setFieldValue('unitId', undefined);
  };
  // another county has other units
  const onScopeChange = () => form.setFieldValue('unitId', undefined);

  const onError = useFormErrorHandler(form, formFields);
  const onSuccess = (text: string) => {
    void queryClient.invalidateQueries(trpc.users.pathFilter());
    void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
    void queryClient.invalidateQueries(trpc.audit.pathFilter());
    void message.success(text);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (!user) {
      create.mutate(
        {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password ?? '',
          role: values.role,
          scopeCode: values.scopeCode ?? '',
          ...(values.role === 'unit_officer' && values.unitId ? { unitId: values.unitId } : {}),
        },
        { onSuccess: () => onSuccess(t('users.created')), onError },
      );
      return;
    }
    const changes = {
      ...(values.displayName.trim() !== user.displayName
        ? { displayName: values.displayName.trim() }
        : {}),
      ...(values.role !== user.role ? { role: values.role } : {}),
      ...(values.scopeCode && values.scopeCode !== user.scopeCode
        ? { scopeCode: values.scopeCode }
        : {}),
      ...(values.password ? { password: values.password } : {}),
      ...((values.unitId ?? null) !== user.unitId ? { unitId: values.unitId ?? null } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: user.id, ...changes },
      { onSuccess: () => onSuccess(t('users.updated')), onError },
    );
  };

  const required = { required: true, message: t('users.required') };

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.create')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<Values> form={form} layout="vertical" name="user-form" requiredMark>
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={editing ? [] : [{ ...required, whitespace: true }]}
          extra={editing ? undefined : t('users.usernameHint')}
        >
          <Input autoComplete="off" disabled={editing} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        {/* one's own password is changed under 修改密码, with the current one */}
        {self ? null : (
          <Form.Item
            name="password"
            label={editing ? t('users.resetPassword') : t('users.password')}
            rules={editing ? [] : [required]}
            extra={editing ? t('users.resetPasswordHint') : undefined}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('users.role')} rules={[required]}>
          <Select<Role>
            disabled={self}
            onChange={onRoleChange}
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="scopeCode" label={t('users.scope')} rules={[required]}>
          <DivisionSelect
            levels={role ? levels : []}
            disabled={self || !role}
            onChange={onScopeChange}
            initial={
              user
                ? {
                    value: user.scopeCode,
                    label:
                      user.scopeCode === WHOLE_DEPLOYMENT
                        ? t('users.scopeWhole')
                        : `${user.scopeName ?? ''} ${user.scopeCode}`,
                  }
                : undefined
            }
          />
        </Form.Item>
        {needsUnit ? (
          <Form.Item
            name="unitId"
            label={t('users.unit')}
            rules={[required]}
            extra={scopeCode ? undefined : t('users.unitAfterScope')}
          >
            <Select<string>
              data-testid="user-unit"
              disabled={self || !scopeCode}
              loading={units.isLoading}
              placeholder={t('users.unitPlaceholder')}
              notFoundContent={units.isError ? t('users.unitsFailed') : t('users.noUnits')}
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
