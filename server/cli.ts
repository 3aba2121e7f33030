import fs from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import { CreateUser } from '../domain/access/account.ts';
import { StaffRole } from '../domain/access/roles.ts';
import { DueRequest } from '../domain/calendar/requests.ts';
import { createBackup } from './backup/backup.ts';
import { digestDatabase, overallDigest } from './backup/digest.ts';
import { walkBackup } from './backup/read.ts';
import { restoreBackup } from './backup/restore.ts';
import { inTransaction } from './backup/sql.ts';
import { loadConfig } from './config.ts';
import { type Ctx, systemClock } from './context.ts';
import { type Database, openDatabase } from './db/client.ts';
import { withTransaction } from './db/tx.ts';
import { AppError } from './errors.ts';
import { findAgencyByCode } from './modules/agencies/agencies.repository.ts';
import { importUnits } from './modules/agencies/import-units.ts';
import { recordAudit } from './modules/audit/audit.repository.ts';
import { chainHeads, verifyAuditChain } from './modules/audit/chain.ts';
import { hashPassword } from './modules/auth/password.ts';
import { computeDue, getYear } from './modules/calendar/calendar.service.ts';
import {
  applyCatalogueWorkbook,
  collectWorkbook,
  writeCatalogueWorkbook,
} from './modules/catalogue/catalogue.excel.ts';
import { verifyCounters } from './modules/reports/verify.ts';
import { insertUser, replaceGrants } from './modules/users/users.repository.ts';
import { type DemoAccount, isEmpty, seedDemo } from './seed/demo.ts';
import { startMotcua } from './start.ts';

const program = new Command('motcua').description('motcua — hệ thống một cửa điện tử');

/** A context for work done from the command line: no signed-in user, audited as the CLI. */
const cliCtx = (database: Database): Ctx => ({
  db: database.db,
  actor: null,
  clock: systemClock,
  log: console as unknown as Ctx['log'],
  requestId: `cli-${process.pid}`,
});

async function withDb<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

function printAccounts(accounts: DemoAccount[]) {
  if (accounts.length === 0) return;
  console.log('\nTài khoản demo (mật khẩu chung: %s):', accounts[0]!.password);
  for (const a of accounts) console.log(`  ${a.username.padEnd(22)} ${a.roles}`);
}

program
  .command('start')
  .description('chạy máy chủ (di chuyển CSDL, nạp dữ liệu demo nếu CSDL trống)')
  .option('--no-demo', 'không nạp dữ liệu demo')
  .action(async (opts: { demo: boolean }) => {
    const t0 = performance.now();
    const server = await startMotcua({ seedDemo: opts.demo });
    printAccounts(server.demoAccounts);
    console.log(
      `\nmotcua đang chạy tại ${server.url}  (CSDL: ${server.dbKind}, khởi động ${Math.round(performance.now() - t0)} ms)`,
    );
    if (server.dbKind === 'pglite') {
      console.log(
        'Lưu ý: CSDL nhúng (PGlite) dùng để dùng thử và đơn vị nhỏ; triển khai thật hãy dùng PostgreSQL (DATABASE_URL).',
      );
    }
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('áp dụng các migration')
  .action(() => withDb(async () => console.log('Đã cập nhật cấu trúc CSDL.')));

/** Like withDb, without migrating: reading a database must not change it. */
async function withExistingDb<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const sizeOf = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
const msSince = (t0: number) => `${Math.round(performance.now() - t0)} ms`;

program
  .command('backup')
  .argument('<file>', 'tệp sao lưu sẽ ghi, ví dụ motcua-2026-03-02.backup.gz')
  .option('--verify', 'chỉ kiểm tra một tệp sao lưu có sẵn (mã kiểm tra từng bảng, từng tệp), không cần CSDL')
  .description('sao lưu toàn bộ dữ liệu và tệp đính kèm vào một tệp — xem docs/backup.md')
  .action(async (file: string, o: { verify?: boolean }) => {
    const t0 = performance.now();
    if (o.verify) {
      const m = await walkBackup(file);
      const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
      console.log(
        `Tệp sao lưu nguyên vẹn: ${Object.keys(m.tables).length} bảng, ${rows} dòng, ${m.files.length} tệp đính kèm ` +
          `(motcua ${m.motcuaVersion}, ${m.database}, cấu trúc ${m.migration.tag ?? m.migration.hash}, tạo lúc ${m.createdAt}); kiểm tra trong ${msSince(t0)}.`,
      );
      return;
    }
    await withExistingDb(async (d) => {
      const s = await createBackup(d, loadConfig().dataDir, file, systemClock);
      console.log(
        `Đã sao lưu ${Object.keys(s.manifest.tables).length} bảng, ${s.rows} dòng, ${s.manifest.files.length} tệp đính kèm ` +
          `vào ${file} (${sizeOf(s.bytes)}, ${msSince(t0)}).`,
      );
      if (s.manifest.missingFiles.length > 0) {
        console.error(
          `Cảnh báo: ${s.manifest.missingFiles.length} tệp đính kèm không có trên đĩa: ${s.manifest.missingFiles.join(', ')}`,
        );
        process.exitCode = 1;
      }
    });
  });

program
  .command('restore')
  .argument('<file>', 'tệp do `motcua backup` tạo')
  .description('khôi phục một bản sao lưu vào CSDL trống (di chuyển CSDL trước) — xem docs/backup.md')
  .action((file: string) =>
    withDb(async (d) => {
      const t0 = performance.now();
      const r = await restoreBackup(d, loadConfig().dataDir, file);
      console.log(
        `Đã khôi phục ${Object.keys(r.manifest.tables).length} bảng, ${r.rows} dòng, ${r.files} tệp đính kèm từ ${file} ` +
          `(sao lưu lúc ${r.manifest.createdAt}); mã kiểm tra mọi bảng khớp (${msSince(t0)}).`,
      );
    }),
  );

program
  .command('digest')
  .description('in số dòng và mã kiểm tra SHA-256 của từng bảng (cùng thuật toán với sao lưu)')
  .action(() =>
    withExistingDb(async (d) => {
      const digests = await inTransaction(d, 'read', (sql) => digestDatabase(sql));
      for (const [name, t] of Object.entries(digests))
        console.log(`${name.padEnd(28)} ${String(t.rows).padStart(8)}  ${t.digest}`);
      console.log(`${'(toàn bộ)'.padEnd(28)} ${''.padStart(8)}  ${overallDigest(digests)}`);
    }),
  );

program
  .command('seed')
  .argument('<what>', 'demo')
  .description('nạp dữ liệu mẫu')
  .action((what: string) =>
    withDb(async (d) => {
      if (what !== 'demo') throw new Error(`Không biết dữ liệu "${what}" (chỉ có: demo)`);
      if (!(await isEmpty(d.db))) return console.log('CSDL đã có dữ liệu: bỏ qua.');
      printAccounts(await seedDemo(d.db));
    }),
  );

program
  .command('user')
  .argument('<action>', 'create')
  .description('tạo tài khoản cán bộ')
  .requiredOption('--username <name>')
  .requiredOption('--full-name <name>')
  .requiredOption('--password <password>')
  .addOption(new Option('--role <role>').choices(StaffRole.options).makeOptionMandatory())
  .requiredOption('--agency <agencyCode>', 'mã định danh đơn vị, ví dụ 000.00.00.H26')
  .action(
    (
      action: string,
      o: { username: string; fullName: string; password: string; role: StaffRole; agency: string },
    ) =>
      withDb(async (d) => {
        if (action !== 'create') throw new Error(`Không biết thao tác "${action}" (chỉ có: create)`);
        const agency = await findAgencyByCode(d.db, o.agency.toUpperCase());
        if (!agency) throw new Error(`Không có đơn vị mã ${o.agency}`);
        const input = CreateUser.parse({ ...o, grants: [{ role: o.role, agencyId: agency.id }] });
        const hash = await hashPassword(input.password);
        await withTransaction(d.db, async (tx) => {
          const u = await insertUser(tx, { ...input, kind: 'staff' }, hash);
          await replaceGrants(tx, u.id, input.grants);
          await recordAudit(tx, cliCtx(d), {
            action: 'user.create',
            targetType: 'user',
            targetId: u.id,
            agencyId: agency.id,
          });
        });
        console.log(`Đã tạo tài khoản ${input.username} (${o.role} @ ${agency.name}).`);
      }),
  );

program
  .command('import')
  .argument('<what>', 'units')
  .argument('<csv>', 'tệp CSV theo mẫu danh mục xã của Tổng cục Thống kê: stt,ma_xa,ten_xa,tinh')
  .option('--create-provinces', 'tạo tỉnh, thành phố chưa có')
  .description('nhập danh mục đơn vị hành chính cấp xã')
  .action((what: string, file: string, o: { createProvinces?: boolean }) =>
    withDb(async (d) => {
      if (what !== 'units') throw new Error(`Không biết danh mục "${what}" (chỉ có: units)`);
      const bar = new SingleBar({ format: 'Nhập đơn vị [{bar}] {value}/{total}', stream: process.stderr });
      let started = false;
      const report = await importUnits(cliCtx(d), await fs.readFile(file, 'utf8'), {
        createProvinces: o.createProvinces,
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      });
      if (started) bar.stop();
      for (const e of report.errors) console.error(`Dòng ${e.line} [${e.field}]: ${e.message}`);
      console.log(
        `${report.rows} dòng: ${report.created} tạo mới, ${report.updated} cập nhật, ${report.unchanged} không đổi, ${report.createdProvinces} tỉnh tạo mới, ${report.errors.length} lỗi.`,
      );
      if (report.errors.length) {
        console.error('Có lỗi: không nhập dòng nào.');
        process.exitCode = 1;
      }
    }),
  );

const reports = program.command('reports').description('báo cáo (Biểu 06/VPCP/KSTT)');

reports
  .command('verify')
  .description('đối chiếu bộ đếm Biểu 06 với đếm lại toàn bộ từ hồ sơ; mã thoát khác 0 nếu lệch')
  .option('--months <n>', 'số tháng gần nhất được đối chiếu cả biểu', '3')
  .action((o: { months: string }) =>
    withExistingDb(async (d) => {
      const t0 = performance.now();
      const r = await verifyCounters(d.db, systemClock.now(), Number(o.months));
      for (const x of r.counterDifferences)
        console.error(`Lệch ${x.table} (${x.side}) ${x.agencyId} ${x.procedureId} ${x.day}: ${x.values}`);
      for (const x of r.reportDifferences) console.error(`Lệch Biểu 06: ${x}`);
      const ok = r.counterDifferences.length === 0 && r.reportDifferences.length === 0;
      console.log(
        `${ok ? 'Khớp' : 'KHÔNG khớp'}: bộ đếm theo ngày so với đếm lại từ sự kiện` +
          `${r.counterDifferences.length ? ` (${r.counterDifferences.length} chỗ lệch)` : ''}; ` +
          `${r.reportsCompared} biểu so với đếm trực tiếp (${msSince(t0)}).`,
      );
      if (!ok) process.exitCode = 1;
    }),
  );

const audit = program.command('audit').description('nhật ký chống sửa đổi (chuỗi mã băm theo đơn vị)');

audit
  .command('verify')
  .description(
    'kiểm tra chuỗi mã băm của sự kiện hồ sơ và nhật ký; mã thoát khác 0 nếu có dòng bị sửa, xóa, đổi thứ tự',
  )
  .action(() =>
    withExistingDb(async (d) => {
      const t0 = performance.now();
      const problems = await verifyAuditChain(d.db);
      for (const p of problems) console.error(`${p.chain ?? '—'} #${p.seq ?? '—'}: ${p.problem}`);
      const heads = await chainHeads(d.db);
      for (const h of heads) console.log(`${h.chain} #${h.seq} ${h.hash}`);
      console.log(
        `${problems.length === 0 ? 'Nguyên vẹn' : `PHÁT HIỆN ${problems.length} chỗ bất thường`}: ` +
          `${heads.length} chuỗi, ${heads.reduce((n, h) => n + h.seq, 0)} mắt xích (${msSince(t0)}).`,
      );
      if (problems.length > 0) process.exitCode = 1;
    }),
  );

const catalogue = program.command('catalogue').description('danh mục thủ tục hành chính (tệp Excel .xlsx)');

catalogue
  .command('export')
  .argument('<file>', 'tệp .xlsx sẽ ghi')
  .description('xuất toàn bộ danh mục (mọi phiên bản, kèm quy trình) — xem docs/catalogue-excel.md')
  .action((file: string) =>
    withDb(async (d) => {
      const { entries, agencyWorkflows } = await collectWorkbook(d);
      await fs.writeFile(file, await writeCatalogueWorkbook(entries, agencyWorkflows));
      console.log(`Đã xuất ${entries.length} phiên bản thủ tục ra ${file}.`);
    }),
  );

catalogue
  .command('import')
  .argument('<file>', 'tệp .xlsx theo mẫu docs/catalogue-excel.md')
  .description('nhập danh mục: có lỗi thì không nhập dòng nào')
  .action((file: string) =>
    withDb(async (d) => {
      try {
        const r = await applyCatalogueWorkbook(cliCtx(d), await fs.readFile(file));
        console.log(
          `Đã nhập: ${r.procedures} thủ tục mới, ${r.versions} phiên bản mới, ${r.updated} cập nhật, ${r.unchanged} không đổi.`,
        );
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        for (const e of err.extra.errors ?? []) console.error(`${e.path}: ${e.message}`);
        console.error(err.detail ?? err.message);
        process.exitCode = 1;
      }
    }),
  );

const calendar = program.command('calendar').description('lịch làm việc và tính hạn (in JSON ra stdout)');
const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

calendar
  .command('year')
  .argument('<yyyy>', 'năm')
  .description('ngày nghỉ lễ, Tết và ngày làm bù của một năm')
  .action((yyyy: string) =>
    withDb(async (d) => {
      const { notices: _n, ...year } = await getYear(cliCtx(d), Number(yyyy));
      printJson(year);
    }),
  );

calendar
  .command('due')
  .description('tính hạn từ một thời điểm')
  .requiredOption('--from <instant>', 'thời điểm ISO 8601, ví dụ 2026-02-13T08:00:00+07:00')
  .option('--working-days <n>', 'số ngày làm việc')
  .option('--working-hours <h>', 'số giờ làm việc')
  .option('--same-day', 'giải quyết trong ngày (nhận trước 15:00)')
  .option('--calendar-days <n>', 'số ngày theo lịch (Bộ luật Dân sự điều 147–148)')
  .option('--agency <code>', 'mã định danh đơn vị (giờ làm việc của đơn vị)')
  .action(
    (o: {
      from: string;
      workingDays?: string;
      workingHours?: string;
      sameDay?: boolean;
      calendarDays?: string;
      agency?: string;
    }) =>
      withDb(async (d) => {
        const rules = [
          o.workingDays !== undefined && { workingDays: Number(o.workingDays) },
          o.workingHours !== undefined && { workingHours: Number(o.workingHours) },
          o.sameDay && { sameDay: true },
          o.calendarDays !== undefined && { calendarDays: Number(o.calendarDays) },
        ].filter(Boolean);
        if (rules.length !== 1)
          throw new Error('Chọn đúng một trong --working-days, --working-hours, --same-day, --calendar-days');
        const req = DueRequest.parse({ from: o.from, rule: rules[0], agencyCode: o.agency });
        const due = await computeDue(cliCtx(d), new Date(req.from), req.rule, req.agencyCode);
        printJson({ dueAt: due.dueAt.toISOString(), explanation: due.explanation });
      }),
  );

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
