import { describe, expect, it } from 'vitest';
import { assertEditorMay, type EditorWrite } from './editor-policy.js';

const write = (overrides: Partial<EditorWrite>): EditorWrite => ({
  partType: 'micro_action',
  operation: 'update',
  entity: { actionId: 'a1' },
  unit: 'u-dem',
  owners: async () => ['u-dem'],
  ...overrides,
});

describe('assertEditorMay', () => {
  it('lets an editor change a part of their unit', async () => {
    await expect(assertEditorMay(write({}))).resolves.toBeUndefined();
  });

  it('refuses a part of another unit', async () => {
    await expect(assertEditorMay(write({ owners: async () => ['u-tec'] }))).rejects.toThrow(
      'non appartiene al tuo settore',
    );
  });

  it('refuses a change of ownership without looking the owners up', async () => {
    let lookedUp = false;
    const owners = async () => {
      lookedUp = true;
      return ['u-dem'];
    };
    await expect(
      assertEditorMay(write({ partType: 'action', changes: { ownerUnitIds: [] }, owners })),
    ).rejects.toThrow('ownerUnitIds');
    expect(lookedUp).toBe(false);
  });

  it('refuses creating actions and parts editors never touch', async () => {
    await expect(
      assertEditorMay(write({ partType: 'action', operation: 'create' })),
    ).rejects.toThrow('Solo l’amministratore');
    await expect(assertEditorMay(write({ partType: 'priority' }))).rejects.toThrow(
      'Un editor può modificare solo',
    );
  });
});
