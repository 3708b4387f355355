import { Global, Module } from '@nestjs/common';
import { DisclosureController } from './disclosure.controller';
import { DisclosureService } from './disclosure.service';
import { GroupRegistryRepository } from './group-registry.repository';
import { ReleaseLedgerRepository } from './release-ledger.repository';

/** The disclosure-control layer for every feature module: numbers about people leave through it. */
@Global()
@Module({
  controllers: [DisclosureController],
  providers: [GroupRegistryRepository, ReleaseLedgerRepository, DisclosureService],
  exports: [DisclosureService],
})
export class DisclosureModule {}
