import { Badge } from '@mantine/core';
import type { DossierStatus } from '../../../../domain/dossier/index.ts';
import { statusLabel } from '../../../../domain/dossier/labels.ts';

const statusColor: Record<DossierStatus, string> = {
  submitted: 'violet',
  accepted: 'blue',
  notAccepted: 'gray',
  inProcess: 'blue',
  supplementRequested: 'yellow',
  financialObligation: 'yellow',
  withdrawn: 'gray',
  stopped: 'gray',
  resolved: 'teal',
  returned: 'green',
};

export function StatusBadge({ status, size = 'md' }: { status: DossierStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={statusColor[status]} variant="light" size={size} style={{ textTransform: 'none' }}>
      {statusLabel[status]}
    </Badge>
  );
}

/** Past the due date (red) or due within one working day (orange). */
export function WarningBadge({ warning }: { warning: 'overdue' | 'dueSoon' | null }) {
  if (warning === null) return null;
  return warning === 'overdue' ? (
    <Badge color="red" variant="filled" style={{ textTransform: 'none' }}>
      Quá hạn
    </Badge>
  ) : (
    <Badge color="orange" variant="filled" style={{ textTransform: 'none' }}>
      Sắp đến hạn
    </Badge>
  );
}
