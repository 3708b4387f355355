import { Global, Module } from '@nestjs/common';
import { DisclosureController } from './disclosure.controller';
import { DisclosureService } from './disclosure.service';
import { GroupRegistryService } from './group-registry.service';
import { ReleaseLedgerRepository } from './release-ledger.repository';

/** The disclosure-control layer for every feature module: numbers about people leave through it. */
@Global()
@Module({
  controllers: [DisclosureController],
  providers: [GroupRegistryService, ReleaseLedgerRepository, DisclosureService],
  exports: [DisclosureService],
})
export class DisclosureModule {}
