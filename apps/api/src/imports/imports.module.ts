import { Module } from '@nestjs/common';
import { ImportStore } from '../../../worker/src/imports/import.store';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Bulk file import: upload, status and error report. The import itself runs in the `imports` worker. */
@Module({ controllers: [ImportsController], providers: [ImportStore, ImportsService] })
export class ImportsModule {}
