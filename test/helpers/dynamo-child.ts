// A process that starts the embedded database the way the command line does, prints its endpoint and waits to be
// killed (test/integration/local-dynamo.int.test.ts kills it in every way a process can die).
import { startLocalDynamo } from '../../shared/store/local';

const local = await startLocalDynamo({ stopOnSignals: true });
process.stdout.write(`${local.endpoint}\n`);
setInterval(() => {}, 60_000);
