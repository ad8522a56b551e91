export default async function globalTeardown() {
  await globalThis.portGuardRun?.release();
}
