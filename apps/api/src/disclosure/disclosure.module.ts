import { Global, Module } from '@nestjs/common';
import { DisclosureController } from './disclosure.controller';
import { DisclosureService } from './disclosure.service';
import { GroupRegistryRepository } from './group-registry.repository';
import { ReleaseLedgerStore } from './release-ledger.store';

/** The disclosure-control layer for every feature module: numbers about people leave through it. */
@Global()
@Module({
  controllers: [DisclosureController],
  providers: [GroupRegistryRepository, ReleaseLedgerStore, DisclosureService],
  exports: [DisclosureService],
})
export class DisclosureModule {}
