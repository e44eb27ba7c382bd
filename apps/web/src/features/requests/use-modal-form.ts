import { useState } from 'react';
import { Form } from 'antd';
import { errorText, type FieldErrors } from '../../api/error-text.js';

/**
 * A modal's form: busy while saving, the server's refusal shown inside (and beside the fields it names, when
 * `fieldErrors` maps them) so the modal stays open, and closed with what `save` answered on success.
 * `close()` without an answer is a cancel.
 */
export function useModalForm<V extends object, R = void>(
  save: (v: V) => Promise<R>,
  onClose: (saved?: R) => void,
  fieldErrors?: (e: unknown) => FieldErrors,
) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = (saved?: R) => {
    setError(null);
    form.resetFields();
    onClose(saved);
  };
  const submit = async (v: V) => {
    setBusy(true);
    setError(null);
    try {
      close(await save(v));
    } catch (e) {
      if (fieldErrors) form.setFields(fieldErrors(e));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, error, close, submit };
}
