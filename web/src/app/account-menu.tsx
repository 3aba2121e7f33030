import { Button, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';

/** The person icon of the account button (a phone shows the icon only, a wider screen the name as well). */
function PersonIcon() {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4 3.6-7 8-7s8 3 8 7" strokeLinecap="round" />
    </svg>
  );
}

const entries = [
  { to: '/cong-dan/ho-so-ca-nhan', label: 'Thông tin cá nhân' },
  { to: '/cong-dan/ho-so', label: 'Hồ sơ của tôi' },
  { to: '/cong-dan/phan-anh-kien-nghi', label: 'Phản ánh, kiến nghị' },
];

/**
 * The signed-in citizen's account links in the portal header: their saved details, their dossiers, feedback.
 * A disclosure (a button that opens a short list of links), not an ARIA menu: these are links to pages.
 */
export function AccountMenu({ fullName, compact }: { fullName: string; compact: boolean }) {
  const [opened, setOpened] = useState(false);
  const { pathname } = useLocation();
  // A link followed closes the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the new path is what closes it.
  useEffect(() => setOpened(false), [pathname]);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={240} shadow="md">
      <Popover.Target>
        <Button
          variant="subtle"
          size="md"
          px={compact ? 'xs' : 'sm'}
          leftSection={<PersonIcon />}
          aria-label={compact ? `Tài khoản: ${fullName}` : undefined}
          aria-expanded={opened}
          onClick={() => setOpened((o) => !o)}
        >
          {!compact && (
            <Text span size="sm" fw={600} truncate maw={200} data-testid="current-user">
              {fullName}
            </Text>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <nav aria-label="Tài khoản">
          <Stack gap={2}>
            <Text size="sm" fw={700} px="xs" py={4} truncate>
              {fullName}
            </Text>
            {entries.map((e) => (
              <UnstyledButton
                key={e.to}
                component={Link}
                to={e.to}
                px="xs"
                py={10}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Text size="md">{e.label}</Text>
              </UnstyledButton>
            ))}
          </Stack>
        </nav>
      </Popover.Dropdown>
    </Popover>
  );
}
