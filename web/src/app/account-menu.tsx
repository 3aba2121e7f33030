import { Box, Button, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useClickOutside } from '@mantine/hooks';
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
 * A disclosure (a button that opens a short list of links), not an ARIA menu: these are links to pages. Placed
 * with plain CSS under the button rather than a floating popover: the floating-position library would add
 * ≈ 15 KB (gzipped) to every portal page's first load for one short list.
 */
export function AccountMenu({ fullName, compact }: { fullName: string; compact: boolean }) {
  const [opened, setOpened] = useState(false);
  const { pathname } = useLocation();
  const ref = useClickOutside<HTMLDivElement>(() => setOpened(false));
  // A link followed closes the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the new path is what closes it.
  useEffect(() => setOpened(false), [pathname]);
  return (
    <Box
      ref={ref}
      pos="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpened(false);
      }}
    >
      <Button
        variant="subtle"
        size="md"
        px={compact ? 'xs' : 'sm'}
        leftSection={<PersonIcon />}
        aria-label={compact ? `Tài khoản: ${fullName}` : undefined}
        aria-expanded={opened}
        aria-controls="account-links"
        onClick={() => setOpened((o) => !o)}
      >
        {!compact && (
          <Text span size="sm" fw={600} truncate maw={200} data-testid="current-user">
            {fullName}
          </Text>
        )}
      </Button>
      {opened && (
        <Paper
          id="account-links"
          shadow="md"
          withBorder
          p="xs"
          w={240}
          pos="absolute"
          right={0}
          top="calc(100% + 4px)"
          style={{ zIndex: 300 }}
        >
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
        </Paper>
      )}
    </Box>
  );
}
